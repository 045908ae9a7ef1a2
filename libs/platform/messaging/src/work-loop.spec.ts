import { setTimeout } from 'node:timers/promises';
import { createLogger } from '@rekindle/platform-logger';
import { WorkLoop } from './work-loop';

const logger = createLogger({ service: 'work-loop-spec', level: 'silent' });

/** A step over a queue of `pending` items, `batch` at a time, that can be told to fail. */
function queue(pending: number, batch: number) {
  const state = { pending, steps: 0, failNext: 0, running: 0, overlapped: false };
  const step = async () => {
    state.steps += 1;
    state.running += 1;
    if (state.running > 1) state.overlapped = true;
    await setTimeout(1);
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

describe('WorkLoop', () => {
  it('drains until a step comes back short, and reports how many items it handled', async () => {
    const { state, step } = queue(25, 10);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10 });
    expect(await loop.drain()).toBe(25);
    expect(state.steps).toBe(3);
  });

  it('never runs a drain step and a loop step at once', async () => {
    const { state, step } = queue(1_000, 10);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10, pollIntervalMs: 1 });
    loop.start();
    await loop.drain();
    await loop.stop();
    expect(state.overlapped).toBe(false);
    expect(state.pending).toBe(0);
  });

  it('sleeps when idle and wakes at once on notify', async () => {
    const { state, step } = queue(0, 10);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10, pollIntervalMs: 60_000 });
    loop.start();
    await setTimeout(20);
    expect(state.steps).toBe(1);
    state.pending = 5;
    loop.notify();
    await setTimeout(20);
    expect(state.steps).toBe(2);
    expect(state.pending).toBe(0);
    await loop.stop();
  });

  it('lets work gather for gatherMs after a short step, notified or not, and never delays drain()', async () => {
    const { state, step } = queue(0, 100);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 100, pollIntervalMs: 60_000, gatherMs: 150 });
    loop.start();
    await setTimeout(20);
    expect(state.steps).toBe(1);
    state.pending = 5;
    loop.notify();
    await setTimeout(50);
    expect(state.steps).toBe(1);
    state.pending += 5;
    loop.notify();
    await setTimeout(200);
    expect(state.steps).toBe(2);
    expect(state.pending).toBe(0);
    state.pending = 3;
    expect(await loop.drain()).toBe(3);
    await loop.stop();
  });

  it('backs off after a failed step and carries on', async () => {
    const { state, step } = queue(5, 10);
    state.failNext = 2;
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10, pollIntervalMs: 5, maxBackoffMs: 20 });
    loop.start();
    for (let i = 0; i < 100 && state.pending > 0; i += 1) await setTimeout(10);
    await loop.stop();
    expect(state.pending).toBe(0);
    expect(state.steps).toBeGreaterThanOrEqual(3);
  });

  it('lets drain() fail with the step error', async () => {
    const { state, step } = queue(5, 10);
    state.failNext = 1;
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10 });
    await expect(loop.drain()).rejects.toThrow('step failed');
  });

  it('stops after a final drain, and gives up on it after stopTimeoutMs', async () => {
    const { state, step } = queue(0, 10);
    const loop = new WorkLoop({ name: 'test', logger, step, batchSize: 10, pollIntervalMs: 60_000 });
    loop.start();
    await setTimeout(10);
    state.pending = 7;
    await loop.stop();
    expect(state.pending).toBe(0);

    const stuck = new WorkLoop({ name: 'test', logger, step: () => new Promise<number>(() => undefined), batchSize: 10, stopTimeoutMs: 50 });
    stuck.start();
    const started = Date.now();
    await stuck.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
