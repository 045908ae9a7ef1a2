import { hash } from 'node:crypto';
import { activityRecordedV1, orderCancelledV1, orderPlacedV1, orderRefundedV1 } from '@rekindle/contracts';
import { inTransaction, tryLockForTransaction, type DataSource, type EntityManager } from '@rekindle/platform-database';
import type { BatchPublisher, Bus } from '@rekindle/platform-messaging';
import type { EventLogRepository, LogPosition } from '../data/event-log.repository';
import { ProfileLock } from '../data/profile-locks';
import { RecordedEventBatchesQuery, type AnnouncementKind } from '../data/recorded-event-batches.query';

export interface PublishRecordedEventsDeps {
  dataSource: DataSource;
  log: EventLogRepository;
  bus: Bus;
  publisher: BatchPublisher;
}

const CONTRACTS = {
  activity: activityRecordedV1,
  ORDER_PLACED: orderPlacedV1,
  ORDER_CANCELLED: orderCancelledV1,
  ORDER_REFUNDED: orderRefundedV1,
} as const satisfies Record<AnnouncementKind, unknown>;

/**
 * Publishes what each recorded customer event announces (activity.recorded, plus order.placed,
 * .cancelled or .refunded for the order types) straight from the event log, instead of copying
 * every event into the outbox: the log is already the transactional record. Each event becomes a
 * CloudEvent of its own, with an id derived from its eventId, but they travel many to a message
 * (CloudEvents batches, one subject each), written by PostgreSQL (RecordedEventBatchesQuery). The
 * publish cursor moves only once JetStream acknowledged every message of a read; a crash or an
 * outage publishes the read again, and JetStream's duplicate window (the same read gives the same
 * messages) and the consumers' inboxes (by event id) drop the copies.
 */
export class PublishRecordedEventsUseCase {
  private readonly subjects: Record<AnnouncementKind, string>;
  private readonly batches: RecordedEventBatchesQuery;
  /**
   * The read being published, until its cursor move commits. When it fails (a PubAck lost with
   * NATS, a timeout, the commit), JetStream may have stored some of its messages: the next read
   * from the same cursor takes the same rows again, so it makes the same messages under the same
   * ids, which JetStream drops. A longer read (events recorded since) would be cut into other
   * batches, stored again under new ids.
   */
  private unconfirmed: { after: LogPosition; events: number } | undefined;

  constructor(private readonly deps: PublishRecordedEventsDeps) {
    const kinds = Object.keys(CONTRACTS) as AnnouncementKind[];
    this.subjects = Object.fromEntries(kinds.map((kind) => [kind, deps.bus.subjectFor(CONTRACTS[kind].subject)])) as Record<AnnouncementKind, string>;
    this.batches = new RecordedEventBatchesQuery({
      source: activityRecordedV1.source,
      ...(Object.fromEntries(kinds.map((kind) => [kind, CONTRACTS[kind].type])) as Record<AnnouncementKind, string>),
    });
  }

  /** Publishes up to `limit` events' messages; returns how many events it published. Throws when a publish failed. */
  async publishNext(limit: number): Promise<number> {
    const outcome = await inTransaction(this.deps.dataSource, (manager) => this.publishInTransaction(manager, limit));
    if (outcome.error !== undefined) throw outcome.error;
    this.unconfirmed = undefined;
    return outcome.published;
  }

  private async publishInTransaction(manager: EntityManager, limit: number): Promise<{ published: number; error?: Error }> {
    const { log, publisher } = this.deps;
    if (!(await tryLockForTransaction(manager, ProfileLock.PUBLISH))) return { published: 0 };
    const after = await log.position(manager, 'publish');
    const read = await this.batches.read(manager, after, this.rowsToRead(after, limit));
    if (!read) return { published: 0 };
    this.unconfirmed = { after, events: read.events };
    const outcomes = await publisher.publish(
      read.batches.map((batch) => ({
        subject: this.subjects[batch.kind],
        payload: batch.payload,
        msgId: stableUuid(`batch:${batch.kind}:${batch.firstEventId}:${batch.lastEventId}:${batch.events}`),
      })),
    );
    const failed = outcomes.find((outcome) => !outcome.ok);
    if (failed && !failed.ok) return { published: 0, error: failed.error };
    await log.advance(manager, 'publish', read.last);
    return { published: read.events };
  }

  /** As many rows as the unconfirmed read took when it started at `after` too, else up to `limit`. */
  private rowsToRead(after: LogPosition, limit: number): number {
    const { unconfirmed } = this;
    const again = unconfirmed !== undefined && unconfirmed.after.xid === after.xid && unconfirmed.after.seq === after.seq;
    return again ? Math.min(limit, unconfirmed.events) : limit;
  }
}

/**
 * A stable UUID (version 5 layout) per name, as the database's stable_uuid(): the same batch goes
 * out under the same message id, so JetStream's duplicate window drops a republish.
 */
export function stableUuid(name: string): string {
  const digest = hash('sha1', `rekindle.profile:${name}`, 'buffer');
  digest[6] = ((digest[6] as number) & 0x0f) | 0x50;
  digest[8] = ((digest[8] as number) & 0x3f) | 0x80;
  const hex = digest.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
