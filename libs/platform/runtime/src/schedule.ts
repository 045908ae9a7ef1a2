import type { Logger } from '@rekindle/platform-logger';

export interface Schedule {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `job` every `intervalMinutes` (0: never) for a service's periodic work. A run that fails
 * is logged under `name` and tried again at the next tick.
 */
export function startSchedule(name: string, job: () => Promise<unknown>, intervalMinutes: number, logger: Logger): Schedule {
  let running: Promise<unknown> = Promise.resolve();
  const timer =
    intervalMinutes > 0
      ? setInterval(() => {
          running = job().catch((error: unknown) => logger.error({ err: error }, `${name} failed`));
        }, intervalMinutes * 60_000)
      : undefined;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
