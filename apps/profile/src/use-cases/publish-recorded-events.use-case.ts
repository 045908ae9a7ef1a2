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
import type { BatchPublisher, Bus, OutgoingMessage } from '@rekindle/platform-messaging';
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
 * every event into the outbox: the log is already the transactional record. The publish cursor
 * moves only past events whose messages JetStream acknowledged; a crash or an outage republishes
 * the rest, and the message ids, derived from the event id, let JetStream drop the copies.
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

    const messages = events.map((event) => this.messagesOf(event));
    const outcomes = await publisher.publish(messages.flat());
    let published = 0;
    let next = 0;
    let error: Error | undefined;
    for (const own of messages) {
      const failed = outcomes.slice(next, next + own.length).find((o) => !o.ok);
      next += own.length;
      if (failed && !failed.ok) {
        error = failed.error;
        break;
      }
      published += 1;
    }
    const last = events[published - 1];
    if (last) await log.advance(manager, 'publish', last);
    return { published, error };
  }

  /** The event's messages, serialised around the stored data text (no parse and re-serialise but for orders). */
  private messagesOf(event: LoggedEvent): OutgoingMessage[] {
    const occurredAt = new Date(event.occurredAtMs).toISOString();
    const traceparent = event.traceparent ?? undefined;
    const meta = { subject: event.customerId, time: new Date(event.occurredAtMs), traceparent };
    const activityId = eventIdOf(event.eventId, 'activity');
    const activity = jsonWithLastValue(
      { customerId: event.customerId, eventId: event.eventId, activityType: event.type, occurredAt, data: null },
      event.data,
    );
    const messages: OutgoingMessage[] = [
      {
        subject: this.subjects.activity,
        payload: serializeValidatedEvent(activityRecordedV1, { ...meta, id: activityId }, activity),
        msgId: activityId,
        traceparent,
      },
    ];
    const order = orderEventOf(event, occurredAt);
    if (order) {
      const id = eventIdOf(event.eventId, 'order');
      const payload = JSON.stringify(createValidatedEvent(order.contract, { ...meta, id, data: order.data }));
      messages.push({ subject: this.deps.bus.subjectFor(order.contract.subject), payload, msgId: id, traceparent });
    }
    return messages;
  }
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
 * A stable UUID (version 5 layout) per recorded event and message kind: the same event always
 * publishes under the same id, so JetStream's duplicate window and the consumers' inboxes drop copies.
 */
const sha1 = (text: string) => hash('sha1', text, 'buffer');

function eventIdOf(eventId: string, kind: 'activity' | 'order'): string {
  const hash = sha1(`rekindle.profile:${kind}:${eventId}`);
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
