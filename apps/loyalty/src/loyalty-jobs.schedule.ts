import type { Logger } from '@rekindle/platform-logger';
import type { RunLoyaltyJobsUseCase } from './use-cases/run-loyalty-jobs.use-case';

/**
 * Runs the expiry and month-end jobs every `intervalMinutes` (0: never). A run that fails is logged
 * and retried at the next tick; `stop` waits for a run in progress.
 */
export function startLoyaltyJobsSchedule(job: RunLoyaltyJobsUseCase, intervalMinutes: number, logger: Logger) {
  let running: Promise<unknown> = Promise.resolve();
  const timer =
    intervalMinutes > 0
      ? setInterval(() => {
          running = job.execute().catch((error: unknown) => logger.error({ err: error }, 'loyalty jobs failed'));
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
