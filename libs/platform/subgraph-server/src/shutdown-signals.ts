import type { Logger } from '@rekindle/platform-logger';

/** The part of `process` this uses. */
export interface SignalTarget {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

export interface ShutdownSignalOptions {
  /** Exit 1 if `stop` has not finished by then; a safety net over the server's own shutdown timeout. */
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  /** The process to watch and exit; tests pass a stand-in. */
  target?: SignalTarget;
}

/**
 * On SIGTERM or SIGINT calls `stop` once (which drains HTTP, then runs the app's shutdown hooks)
 * and exits 0 when it resolves. A failing `stop`, a second signal or the timeout exits 1.
 * Returns a function that removes the handlers.
 */
export function onShutdownSignals(stop: () => Promise<void>, logger: Logger, options: ShutdownSignalOptions = {}): () => void {
  const { timeoutMs = 30_000, signals = ['SIGTERM', 'SIGINT'], target = process } = options;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  const exit = (code: number) => {
    clearTimeout(timer);
    target.exit(code);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal during shutdown: exiting now');
      return exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out: exiting');
      exit(1);
    }, timeoutMs);
    stop().then(
      () => {
        logger.info('shutdown complete');
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };

  for (const signal of signals) target.on(signal, onSignal);
  return () => {
    for (const signal of signals) target.removeListener(signal, onSignal);
  };
}
