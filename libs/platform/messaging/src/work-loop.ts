import type { Logger } from '@rekindle/platform-logger';
import { retryDelay } from './backoff';

export interface WorkLoopOptions {
  /** Names the loop in its log lines. */
  name: string;
  logger: Logger;
  /** Does one batch of work; resolves to how many items it handled. */
  step: () => Promise<number>;
  /** A step that handles this many items is taken as a sign that more is waiting: the next runs at once. */
  batchSize: number;
  /** How often an idle loop looks for work that `notify()` was not told about (other processes'). */
  pollIntervalMs?: number;
  /**
   * After a step that came back short, how long new work may gather before the next step, even
   * when `notify()` comes sooner: fewer, larger steps, for work whose cost grows slower than its
   * batch (0: none). `drain()` never waits for it.
   */
  gatherMs?: number;
  /** Upper bound of the back-off after failures. */
  maxBackoffMs?: number;
  /** How long `stop()` may spend finishing the current step and the final drain. */
  stopTimeoutMs?: number;
}

/**
 * Runs a batch step in the background, one at a time: again at once while batches come back full,
 * after `gatherMs` and then `pollIntervalMs` when idle (the latter cut short by `notify()`), with a
 * growing back-off after failures.
 * `drain()` runs steps until one comes back short, in turn with the loop's own steps.
 */
export class WorkLoop {
  private readonly pollIntervalMs: number;
  private readonly gatherMs: number;
  private readonly maxBackoffMs: number;
  private readonly stopTimeoutMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private notified = false;
  private wake: (() => void) | undefined;
  private wakeOnNotify = false;
  private exclusive: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: WorkLoopOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.gatherMs = options.gatherMs ?? 0;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes an idle loop now, e.g. right after a commit that left it work. */
  notify(): void {
    this.notified = true;
    if (this.wakeOnNotify) this.wake?.();
  }

  /** Runs steps until one comes back short; returns how many items they handled. Throws when a step fails. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.serially(this.options.step);
      total += handled;
      if (handled < this.options.batchSize) return total;
    }
  }

  /** Stops the loop after one final drain, within `stopTimeoutMs`; what is left waits for the next start. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    const { logger, name } = this.options;
    const finished = (this.loop ?? Promise.resolve()).then(() => this.drain()).then(
      () => 'done' as const,
      (error: unknown) => logger.warn({ err: error }, `${name}: final drain failed; the rest waits for the next start`),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.stopTimeoutMs)));
    if ((await Promise.race([finished, timedOut])) === 'timeout') {
      logger.warn({ timeoutMs: this.stopTimeoutMs }, `${name}: stop timed out; the rest waits for the next start`);
    }
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    const { logger, name, step, batchSize } = this.options;
    let failures = 0;
    while (this.running) {
      try {
        const handled = await this.serially(step);
        if (failures > 0) logger.info({ failures }, `${name}: working again`);
        failures = 0;
        if (handled < batchSize) {
          if (this.gatherMs > 0) await this.sleep(this.gatherMs, false);
          await this.sleep(this.pollIntervalMs, true);
        }
      } catch (error) {
        failures += 1;
        logger.warn({ err: error, failures }, `${name}: failed; backing off`);
        await this.sleep(retryDelay(failures, this.pollIntervalMs, this.maxBackoffMs), false);
      }
    }
  }

  /** One step at a time within this loop, so `drain()` never overlaps the loop's own step. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.exclusive.then(work, work);
    this.exclusive = next.catch(() => undefined);
    return next;
  }

  private sleep(ms: number, wakeOnNotify: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (wakeOnNotify && this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.wakeOnNotify = false;
        // A notify() during a sleep it could not cut short still counts for the next one.
        if (wakeOnNotify) this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeOnNotify = wakeOnNotify;
      this.wake = done;
    });
  }
}
