import { Writable } from 'node:stream';
import { createLogger } from '@rekindle/platform-logger';
import { startSchedule } from './schedule';

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'test', destination }) };
}

describe('startSchedule', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the job every interval, logs a failure and goes on', async () => {
    const { lines, logger } = captureLogger();
    const job = jest.fn().mockRejectedValueOnce(new Error('database away')).mockResolvedValue(undefined);
    const schedule = startSchedule('nightly', job, 5, logger);
    expect(job).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(5 * 60_000);
    await jest.advanceTimersByTimeAsync(5 * 60_000);
    expect(job).toHaveBeenCalledTimes(2);
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'nightly failed' })]);
    await schedule.stop();
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(job).toHaveBeenCalledTimes(2);
  });

  it('never runs with an interval of 0', async () => {
    const job = jest.fn().mockResolvedValue(undefined);
    const schedule = startSchedule('off', job, 0, captureLogger().logger);
    await jest.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(job).not.toHaveBeenCalled();
    await schedule.stop();
  });

  it('waits for a run in progress when stopped', async () => {
    let finish: () => void = () => undefined;
    const job = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const schedule = startSchedule('slow', job, 1, captureLogger().logger);
    await jest.advanceTimersByTimeAsync(60_000);
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
