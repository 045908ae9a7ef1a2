import { runExclusively, type DataSource, type ExclusiveRun } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { realTimers, startSchedule, type Timers } from './schedule';

export interface SingletonJobOptions<T> {
  /** Names the job in log lines and its advisory lock (one per schema: every replica of the service shares it). */
  name: string;
  dataSource: DataSource;
  logger: Logger;
  /** The job itself: a use case's execute(). It runs alone across every replica. */
  run: () => Promise<T>;
  /** Minutes between scheduled runs; 0: none (runNow still runs it). */
  intervalMinutes: number;
  /** The real timers unless a test passes its own. */
  timers?: Timers;
}

export interface SingletonJob<T> {
  /** Runs the job now (a mutation asked for it) unless it is running anywhere already: `ran: false` then. */
  runNow(): Promise<ExclusiveRun<T>>;
  /** Stops the schedule and waits for a scheduled run in progress. */
  stop(): Promise<void>;
}

/**
 * A service's periodic job (RFM rescoring, month ends, pruning) run every interval on exactly one
 * replica: each run, scheduled or asked for, holds the job's advisory lock (runExclusively), and a
 * replica that finds it held skips that run.
 */
export function startSingletonJob<T>(options: SingletonJobOptions<T>): SingletonJob<T> {
  const { name, dataSource, logger } = options;
  const runNow = () => runExclusively(dataSource, name, options.run);
  const schedule = startSchedule(
    name,
    async () => {
      if (!(await runNow()).ran) logger.info(`${name} already running on another replica; skipped`);
    },
    options.intervalMinutes,
    logger,
    options.timers ?? realTimers,
  );
  return { runNow, stop: () => schedule.stop() };
}
