import type { Logger } from '@rekindle/platform-logger';

/**
 * Logs a warning at most once per interval, saying how many were swallowed since the last one:
 * while Redis is down every cache call fails, and one line per call would drown the logs.
 */
export function throttledWarning(logger: Logger, message: string, intervalMs: number, now: () => number = Date.now) {
  let lastAt = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return {
    warn(error: unknown): void {
      if (now() - lastAt < intervalMs) {
        suppressed++;
        return;
      }
      logger.warn({ err: error, suppressed }, message);
      lastAt = now();
      suppressed = 0;
    },
    /** The next warning is logged at once: the outage it reports is a new one. */
    reset(): void {
      lastAt = Number.NEGATIVE_INFINITY;
      suppressed = 0;
    },
  };
}
