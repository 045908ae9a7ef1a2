import { createLogger } from '@rekindle/platform-logger';
import { WorkLoop } from './work-loop';

const logger = createLogger({ service: 'work-loop-spec', level: 'silent' });

/** How long one step takes, on the fake clock. */
const STEP_MS = 1;

/** A step over a queue of `pending` items, `batch` at a time, that can be told to fail. */
function queue(pending: number, batch: number) {
  const state = { pending, steps: 0, failNext: 0, running: 0, overlapped: false };
  const step = async () => {
    state.steps += 1;
    state.running += 1;
    if (state.running > 1) state.overlapped = true;
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
    state.running -= 1;
    if (state.failNext > 0) {
      state.failNext -= 1;
      throw new Error('step failed');
    }
    const taken = Math.min(batch, state.pending);
    state.pending -= taken;
    return taken;
  };
  return { state, step };
}

/** Runs the timers due within `ms` on the fake clock, and whatever they set off. */
const elapse = (ms: number) => jest.advanceTimersByTimeAsync(ms);

/** What `work` resolves to once the fake clock has moved on by `ms`. */
async function after<T>(ms: number, work: Promise<T>): Promise<T> {
  await elapse(ms);
  return work;
}

describe('WorkLoop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('drains until a step comes back short, and reports how many items it handled', async () => {
    const { state, step } = queue(25, 10);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10 });
    expect(await after(3 * STEP_MS, loop.drain())).toBe(25);
    expect(state.steps).toBe(3);
  });

  it('never runs a drain step and a loop step at once', async () => {
    const { state, step } = queue(1_000, 10);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10, pollIntervalMs: 1 });
    loop.start();
    await after(1_000, loop.drain());
    await after(10, loop.stop());
    expect(state.overlapped).toBe(false);
    expect(state.pending).toBe(0);
  });

  it('sleeps when idle and wakes at once on notify', async () => {
    const { state, step } = queue(0, 10);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10, pollIntervalMs: 60_000 });
    loop.start();
    await elapse(STEP_MS);
    expect(state.steps).toBe(1);
    await elapse(59_000);
    expect(state.steps).toBe(1);
    state.pending = 5;
    loop.notify();
    await elapse(STEP_MS);
    expect(state.steps).toBe(2);
    expect(state.pending).toBe(0);
    await after(10, loop.stop());
  });

  it('lets work gather for gatherMs after a short step, notified or not, and never delays drain()', async () => {
    const { state, step } = queue(0, 100);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 100, pollIntervalMs: 60_000, gatherMs: 150 });
    loop.start();
    await elapse(20);
    expect(state.steps).toBe(1);
    state.pending = 5;
    loop.notify();
    await elapse(50);
    expect(state.steps).toBe(1);
    state.pending += 5;
    loop.notify();
    await elapse(200);
    expect(state.steps).toBe(2);
    expect(state.pending).toBe(0);
    state.pending = 3;
    // Well within the 150 ms the loop lets work gather after its last step.
    expect(await after(STEP_MS, loop.drain())).toBe(3);
    await after(10, loop.stop());
  });

  it('backs off after a failed step and carries on', async () => {
    const { state, step } = queue(5, 10);
    state.failNext = 2;
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10, pollIntervalMs: 5, maxBackoffMs: 20 });
    loop.start();
    await elapse(1_000);
    await after(10, loop.stop());
    expect(state.pending).toBe(0);
    expect(state.steps).toBeGreaterThanOrEqual(3);
  });

  it('lets drain() fail with the step error', async () => {
    const { state, step } = queue(5, 10);
    state.failNext = 1;
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10 });
    const drained = expect(loop.drain()).rejects.toThrow('step failed');
    await elapse(STEP_MS);
    await drained;
  });

  it('stops after a final drain, and gives up on it after stopTimeoutMs', async () => {
    const { state, step } = queue(0, 10);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10, pollIntervalMs: 60_000 });
    loop.start();
    await elapse(10);
    state.pending = 7;
    await after(10, loop.stop());
    expect(state.pending).toBe(0);

    const stuck = new WorkLoop({ name: 'test', logger, step: () => new Promise<number>(() => undefined), batchSize: 10, stopTimeoutMs: 50 });
    stuck.start();
    let stopped = false;
    const stopping = stuck.stop().then(() => (stopped = true));
    await elapse(49);
    expect(stopped).toBe(false);
    await after(1, stopping);
    expect(stopped).toBe(true);
  });
});
