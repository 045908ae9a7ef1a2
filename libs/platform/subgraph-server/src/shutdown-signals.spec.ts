import { EventEmitter } from 'node:events';
import { createLogger } from '@rekindle/platform-logger';
import { onShutdownSignals } from './shutdown-signals';

const logger = createLogger({ service: 'test', level: 'silent' });

/** A stand-in for `process`: signals are events, and exit codes are recorded instead of exiting. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const exited = new Promise<void>((resolve) => emitter.once('exited', resolve));
  const target = Object.assign(emitter, {
    exit(code: number) {
      exits.push(code);
      emitter.emit('exited');
    },
  });
  return { target, exits, exited, signal: (name: NodeJS.Signals) => emitter.emit(name, name) };
}

describe('onShutdownSignals', () => {
  it('calls stop once on SIGTERM and exits 0 when it resolves', async () => {
    const proc = fakeProcess();
    const stop = jest.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    onShutdownSignals(stop, logger, { target: proc.target });
    proc.signal('SIGTERM');
    await proc.exited;
    expect(stop).toHaveBeenCalledTimes(1);
    expect(proc.exits).toEqual([0]);
  });

  it('exits 1 when stop fails', async () => {
    const proc = fakeProcess();
    onShutdownSignals(() => Promise.reject(new Error('db close failed')), logger, { target: proc.target });
    proc.signal('SIGINT');
    await proc.exited;
    expect(proc.exits).toEqual([1]);
  });

  it('exits 1 at once on a second signal', async () => {
    const proc = fakeProcess();
    const stop = jest.fn(() => new Promise<void>(() => undefined));
    onShutdownSignals(stop, logger, { target: proc.target, timeoutMs: 10_000 });
    proc.signal('SIGTERM');
    proc.signal('SIGINT');
    await proc.exited;
    expect(stop).toHaveBeenCalledTimes(1);
    expect(proc.exits).toEqual([1]);
  });

  it('exits 1 when stop outlasts the timeout', async () => {
    const proc = fakeProcess();
    onShutdownSignals(() => new Promise<void>(() => undefined), logger, { target: proc.target, timeoutMs: 30 });
    proc.signal('SIGTERM');
    await proc.exited;
    expect(proc.exits).toEqual([1]);
  });

  it('stops listening once removed', () => {
    const proc = fakeProcess();
    const remove = onShutdownSignals(() => Promise.resolve(), logger, { target: proc.target });
    remove();
    expect(proc.target.listenerCount('SIGTERM')).toBe(0);
  });
});
