import { hash } from 'node:crypto';
import {
  activityRecordedV1,
  createValidatedEvent,
  jsonWithLastValue,
  orderCancelledV1,
  orderPlacedV1,
  orderRefundedV1,
  serializeValidatedEvent,
  type EventContract,
} from '@rekindle/contracts';
import { inTransaction, type DataSource, type EntityManager } from '@rekindle/platform-database';
import { batchBySubject, type BatchPublisher, type Bus, type OutgoingMessage } from '@rekindle/platform-messaging';
import type { EventLogRepository, LoggedEvent } from '../data/event-log.repository';
import { ProfileLock, tryLockProfile } from '../data/profile-locks';

export interface PublishRecordedEventsDeps {
  dataSource: DataSource;
  log: EventLogRepository;
  bus: Bus;
  publisher: BatchPublisher;
}

/**
 * Publishes what each recorded customer event announces (activity.recorded, plus order.placed,
 * .cancelled or .refunded for the order types) straight from the event log, instead of copying
 * every event into the outbox: the log is already the transactional record. Each event becomes a
 * CloudEvent of its own, with an id derived from its eventId, but they travel many to a message
 * (CloudEvents batches, one subject each). The publish cursor moves only past events whose messages
 * JetStream acknowledged; a crash or an outage republishes the rest, and JetStream's duplicate
 * window and the consumers' inboxes drop the copies.
 */
export class PublishRecordedEventsUseCase {
  private readonly subjects: { activity: string };

  constructor(private readonly deps: PublishRecordedEventsDeps) {
    this.subjects = { activity: deps.bus.subjectFor(activityRecordedV1.subject) };
  }

  /** Publishes up to `limit` events' messages; returns how many events it published. Throws when a publish failed. */
  async publishNext(limit: number): Promise<number> {
    const outcome = await inTransaction(this.deps.dataSource, (manager) => this.publishInTransaction(manager, limit));
    if (outcome.error !== undefined) throw outcome.error;
    return outcome.published;
  }

  private async publishInTransaction(manager: EntityManager, limit: number): Promise<{ published: number; error?: Error }> {
    const { log, publisher } = this.deps;
    if (!(await tryLockProfile(manager, ProfileLock.PUBLISH))) return { published: 0 };
    const events = await log.readEvents(manager, await log.position(manager, 'publish'), limit);
    if (events.length === 0) return { published: 0 };

    const batches = messagesOf(events.flatMap((event, index) => this.envelopesOf(event, index)));
    const outcomes = await publisher.publish(batches.map((batch) => batch.message));
    // Events are published up to the first one in a batch JetStream did not acknowledge.
    let published = events.length;
    let error: Error | undefined;
    outcomes.forEach((outcome, i) => {
      const { firstIndex } = batches[i] as (typeof batches)[number];
      if (!outcome.ok && firstIndex < published) [published, error] = [firstIndex, outcome.error];
    });
    const last = events[published - 1];
    if (last) await log.advance(manager, 'publish', last);
    return { published, error };
  }

  /** The CloudEvents the recorded event announces, serialised around the stored data text (no parse and re-serialise but for orders). */
  private envelopesOf(event: LoggedEvent, index: number): Envelope[] {
    const occurredAt = new Date(event.occurredAtMs).toISOString();
    const meta = { subject: event.customerId, time: new Date(event.occurredAtMs), traceparent: event.traceparent ?? undefined };
    const activity = jsonWithLastValue(
      { customerId: event.customerId, eventId: event.eventId, activityType: event.type, occurredAt, data: null },
      event.data,
    );
    const envelopes: Envelope[] = [
      {
        subject: this.subjects.activity,
        index,
        eventId: event.eventId,
        json: serializeValidatedEvent(activityRecordedV1, { ...meta, id: stableUuid(`activity:${event.eventId}`) }, activity),
      },
    ];
    const order = orderEventOf(event, occurredAt);
    if (order) {
      const id = stableUuid(`order:${event.eventId}`);
      envelopes.push({
        subject: this.deps.bus.subjectFor(order.contract.subject),
        index,
        eventId: event.eventId,
        json: JSON.stringify(createValidatedEvent(order.contract, { ...meta, id, data: order.data })),
      });
    }
    return envelopes;
  }
}

/** One CloudEvent to publish: its JSON, its subject, and the position of the recorded event it came from. */
interface Envelope {
  subject: string;
  json: string;
  index: number;
  eventId: string;
}

/**
 * The same read (same cursor, same limit: the log below the snapshot's xmin does not change) yields
 * the same batches with the same message ids, so JetStream drops a republish; a batch cut
 * differently after a restart with another INGEST_PUBLISH_BATCH reaches consumers again, and their
 * inboxes drop its events by id.
 */
function messagesOf(envelopes: readonly Envelope[]): { message: OutgoingMessage; firstIndex: number }[] {
  return batchBySubject(envelopes).map(({ subject, members, payload }) => {
    const first = members[0] as Envelope;
    const last = members[members.length - 1] as Envelope;
    const msgId = stableUuid(`batch:${subject}:${first.eventId}:${last.eventId}:${members.length}`);
    return { message: { subject, payload, msgId }, firstIndex: first.index };
  });
}

/** The order event a recorded order event also announces, if it is one. */
function orderEventOf(event: LoggedEvent, occurredAt: string): { contract: EventContract; data: unknown } | null {
  const contract = ORDER_CONTRACTS[event.type];
  if (!contract) return null;
  const data = JSON.parse(event.data) as Record<string, unknown>;
  const base = { customerId: event.customerId, orderId: data['orderId'] };
  return contract === orderPlacedV1
    ? { contract, data: { ...base, placedAt: occurredAt, currency: data['currency'], total: data['total'], lines: data['lines'] } }
    : { contract, data: { ...base, amount: data['amount'], occurredAt } };
}

const ORDER_CONTRACTS: Partial<Record<string, EventContract>> = {
  ORDER_PLACED: orderPlacedV1,
  ORDER_CANCELLED: orderCancelledV1,
  ORDER_REFUNDED: orderRefundedV1,
};

/**
 * A stable UUID (version 5 layout) per name: the same recorded event always announces the same
 * CloudEvent ids, and the same batch goes out under the same message id, so JetStream's duplicate
 * window and the consumers' inboxes drop copies.
 */
const sha1 = (text: string) => hash('sha1', text, 'buffer');

function stableUuid(name: string): string {
  const hash = sha1(`rekindle.profile:${name}`);
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
