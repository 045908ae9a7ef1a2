import type { Logger } from '@rekindle/platform-logger';

export interface Schedule {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** How a schedule keeps time: the real timers, or a test's own (so no test waits for an interval). */
export interface Timers {
  setInterval(tick: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** The process's timers, looked up when called (so Jest's fake timers apply), never keeping the process alive. */
export const realTimers: Timers = {
  setInterval: (tick, ms) => setInterval(tick, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * Runs `job` every `intervalMinutes` (0: never). A run that fails is logged under `name` and tried
 * again at the next tick.
 */
export function startSchedule(name: string, job: () => Promise<unknown>, intervalMinutes: number, logger: Logger, timers: Timers = realTimers): Schedule {
  let running: Promise<unknown> = Promise.resolve();
  const timer =
    intervalMinutes > 0
      ? timers.setInterval(() => {
          running = job().catch((error: unknown) => logger.error({ err: error }, `${name} failed`));
        }, intervalMinutes * 60_000)
      : undefined;
  return {
    async stop() {
      if (timer !== undefined) timers.clearInterval(timer);
      await running;
    },
  };
}
