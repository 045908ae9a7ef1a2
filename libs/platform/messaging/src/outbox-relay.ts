import type { Registry } from 'prom-client';
import type { DataSource, EntityManager } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { createBatchPublisher, type BatchPublisher } from './batch-publisher';
import type { Bus } from './bus';
import { relayMetrics, type RelayMetrics } from './metrics';
import { producerOfSubject } from './naming';
import { retryDelay } from './backoff';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  bus: Bus;
  logger: Logger;
  batchSize?: number;
  /** How often an idle relay looks for rows written by other processes. */
  pollIntervalMs?: number;
  /** Upper bound of the back-off after failures. */
  maxBackoffMs?: number;
  /** How long `stop()` may spend finishing the current batch and the final flush. */
  stopTimeoutMs?: number;
  /** Where to expose published/failed counters and the pending gauge. */
  registry?: Registry;
}

interface OutboxRow {
  seq: string;
  id: string;
  subject: string;
  payload: string;
  traceparent: string | null;
}

interface BatchResult {
  claimed: number;
  published: number;
  error?: unknown;
}

const CLAIM = `
  SELECT seq, id, subject, payload::text AS payload, payload->>'traceparent' AS traceparent
  FROM outbox
  WHERE published_at IS NULL
  ORDER BY seq
  LIMIT $1
  FOR UPDATE SKIP LOCKED`;

/**
 * Publishes committed outbox rows to JetStream in `seq` order and marks them sent. Replicas split the
 * work through `FOR UPDATE SKIP LOCKED`. A crash between publish and mark republishes the rows, and
 * JetStream drops the copies by `Nats-Msg-Id` (the event id) inside its duplicate window.
 */
export class OutboxRelay {
  private readonly dataSource: DataSource;
  private readonly bus: Bus;
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly stopTimeoutMs: number;
  private readonly metrics: RelayMetrics;
  private readonly streamsEnsured = new Set<string>();
  private publisher: BatchPublisher | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private notified = false;
  private wake: (() => void) | undefined;
  private wakeOnNotify = false;
  private exclusive: Promise<unknown> = Promise.resolve();

  constructor(options: OutboxRelayOptions) {
    this.dataSource = options.dataSource;
    this.bus = options.bus;
    this.logger = options.logger;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
    this.metrics = relayMetrics(options.registry, this.dataSource.driver.schema ?? 'public', () => this.countPending());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes the loop now, e.g. right after a commit that appended to the outbox. */
  notify(): void {
    this.notified = true;
    if (this.wakeOnNotify) this.wake?.();
  }

  /** Publishes until nothing is pending; returns how many it published. Throws when a publish fails. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const result = await this.serially(() => this.publishBatch());
      total += result.published;
      if (result.error !== undefined) throw result.error;
      if (result.claimed < this.batchSize) return total;
    }
  }

  /** Stops the loop after one final flush attempt, within `stopTimeoutMs`. Unpublished rows stay for the next start. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    const finished = (this.loop ?? Promise.resolve()).then(() => this.flush()).then(
      () => 'done' as const,
      (error: unknown) => this.logger.warn({ err: error }, 'outbox relay: final flush failed; rows stay pending'),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.stopTimeoutMs)));
    if ((await Promise.race([finished, timedOut])) === 'timeout') {
      this.logger.warn({ timeoutMs: this.stopTimeoutMs }, 'outbox relay: stop timed out; rows stay pending');
    }
    clearTimeout(timer);
    this.publisher?.close();
    this.publisher = undefined;
    this.metrics.unregister();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let result: BatchResult;
      try {
        result = await this.serially(() => this.publishBatch());
      } catch (error) {
        result = { claimed: 0, published: 0, error };
      }
      if (result.error === undefined) {
        if (failures > 0) this.logger.info({ failures }, 'outbox relay: publishing again');
        failures = 0;
        if (result.claimed < this.batchSize) await this.sleep(this.pollIntervalMs, true);
      } else {
        failures += 1;
        this.logger.warn({ err: result.error, failures }, 'outbox relay: publish failed; backing off');
        await this.sleep(retryDelay(failures, this.pollIntervalMs, this.maxBackoffMs), false);
      }
    }
  }

  private async publishBatch(): Promise<BatchResult> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows: OutboxRow[] = await manager.query(CLAIM, [this.batchSize]);
      if (rows.length === 0) return { claimed: 0, published: 0 };
      await this.ensureStreams(rows);
      // Every publish is fired before any ack is awaited: one round trip per batch, wire order = seq order.
      this.publisher ??= createBatchPublisher(this.bus);
      const outcomes = await this.publisher.publish(
        rows.map((row) => ({ subject: this.bus.subjectFor(row.subject), payload: row.payload, msgId: row.id, traceparent: row.traceparent })),
      );
      const acked: string[] = [];
      const failed: string[] = [];
      let error: Error | undefined;
      outcomes.forEach((outcome, index) => {
        const seq = (rows[index] as OutboxRow).seq;
        if (outcome.ok) acked.push(seq);
        else {
          failed.push(seq);
          error ??= outcome.error;
        }
      });
      await this.mark(manager, acked, failed, error);
      this.metrics.published(acked.length);
      if (failed.length > 0) {
        this.metrics.failed(failed.length);
        this.streamsEnsured.clear();
      }
      return { claimed: rows.length, published: acked.length, error };
    });
  }

  private async mark(manager: EntityManager, acked: string[], failed: string[], error: Error | undefined): Promise<void> {
    if (acked.length > 0) {
      await manager.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [acked]);
    }
    if (failed.length > 0) {
      await manager.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])', [
        failed,
        error?.message,
      ]);
    }
  }

  private async ensureStreams(rows: OutboxRow[]): Promise<void> {
    for (const producer of new Set(rows.map((row) => producerOfSubject(row.subject)))) {
      if (this.streamsEnsured.has(producer)) continue;
      await this.bus.ensureStream(producer);
      this.streamsEnsured.add(producer);
    }
  }

  private async countPending(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    return (row as { n: number }).n;
  }

  /** Runs batches one at a time within this relay, so `flush()` never overlaps the loop's batch. */
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
        this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeOnNotify = wakeOnNotify;
      this.wake = done;
    });
  }
}
