import type { Registry } from 'prom-client';
import type { DataSource, EntityManager } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { createBatchPublisher, type BatchPublisher } from './batch-publisher';
import type { Bus } from './bus';
import { relayMetrics, type RelayMetrics } from './metrics';
import { producerOfSubject } from './naming';
import { WorkLoop } from './work-loop';

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
  error?: Error;
}

const CLAIM = `
  SELECT seq, id, subject, payload::text AS payload,
         CASE json_typeof(payload) WHEN 'object' THEN payload->>'traceparent' END AS traceparent
  FROM outbox
  WHERE published_at IS NULL
  ORDER BY seq
  LIMIT $1
  FOR UPDATE SKIP LOCKED`;

/**
 * Publishes committed outbox rows to JetStream in `seq` order and marks them sent; a row is one
 * message (one event, or a batch of one subject's events). Replicas split the work through
 * `FOR UPDATE SKIP LOCKED`. A crash between publish and mark republishes the rows, and JetStream
 * drops the copies by `Nats-Msg-Id` (the row id) inside its duplicate window.
 */
export class OutboxRelay {
  private readonly dataSource: DataSource;
  private readonly bus: Bus;
  private readonly batchSize: number;
  private readonly metrics: RelayMetrics;
  private readonly loop: WorkLoop;
  private readonly streamsEnsured = new Set<string>();
  private publisher: BatchPublisher | undefined;
  private started = false;

  constructor(options: OutboxRelayOptions) {
    this.dataSource = options.dataSource;
    this.bus = options.bus;
    this.batchSize = options.batchSize ?? 500;
    this.metrics = relayMetrics(options.registry, this.dataSource.driver.schema ?? 'public', () => this.countPending());
    this.loop = new WorkLoop({
      name: 'outbox relay',
      logger: options.logger,
      batchSize: this.batchSize,
      step: async () => {
        const result = await this.publishBatch();
        if (result.error !== undefined) throw result.error;
        return result.claimed;
      },
      pollIntervalMs: options.pollIntervalMs,
      maxBackoffMs: options.maxBackoffMs,
      stopTimeoutMs: options.stopTimeoutMs,
    });
  }

  start(): void {
    this.started = true;
    this.loop.start();
  }

  /** Wakes the loop now, e.g. right after a commit that appended to the outbox. */
  notify(): void {
    this.loop.notify();
  }

  /** Publishes until nothing is pending; returns how many it published. Throws when a publish fails. */
  flush(): Promise<number> {
    return this.loop.drain();
  }

  /** Stops the loop after one final flush attempt, within `stopTimeoutMs`. Unpublished rows stay for the next start. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.loop.stop();
    this.publisher?.close();
    this.publisher = undefined;
    this.metrics.unregister();
  }

  private async publishBatch(): Promise<BatchResult> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows: OutboxRow[] = await manager.query(CLAIM, [this.batchSize]);
      if (rows.length === 0) return { claimed: 0 };
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
      return { claimed: rows.length, error };
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
}
