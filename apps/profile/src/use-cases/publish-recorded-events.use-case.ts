import { createHash } from 'node:crypto';
import {
  activityRecordedV1,
  createValidatedEvent,
  orderCancelledV1,
  orderPlacedV1,
  orderRefundedV1,
  type CloudEvent,
  type EventContract,
} from '@rekindle/contracts';
import { inTransaction, type DataSource, type EntityManager } from '@rekindle/platform-database';
import type { BatchPublisher, Bus, OutgoingMessage } from '@rekindle/platform-messaging';
import type { EventLogRepository, LoggedEvent, LogPosition } from '../data/event-log.repository';
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
  constructor(private readonly deps: PublishRecordedEventsDeps) {}

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
    if (last) await log.advance(manager, 'publish', position(last));
    return { published, error };
  }

  private messagesOf(event: LoggedEvent): OutgoingMessage[] {
    const data = JSON.parse(event.data) as Record<string, unknown>;
    const occurredAt = new Date(event.occurredAtMs);
    const meta = { subject: event.customerId, time: occurredAt, traceparent: event.traceparent ?? undefined };
    const events: CloudEvent[] = [
      createValidatedEvent(activityRecordedV1, {
        ...meta,
        id: eventIdOf(event.eventId, 'activity'),
        data: { customerId: event.customerId, eventId: event.eventId, activityType: event.type, occurredAt: occurredAt.toISOString(), data },
      }),
    ];
    const order = orderEventOf(event, data, occurredAt);
    if (order) events.push(createValidatedEvent(order.contract, { ...meta, id: eventIdOf(event.eventId, 'order'), data: order.data }));
    return events.map((e) => ({
      subject: this.deps.bus.subjectFor(subjectOf(e.type)),
      payload: JSON.stringify(e),
      msgId: e.id,
      traceparent: event.traceparent ?? undefined,
    }));
  }
}

const position = (e: LogPosition): LogPosition => ({ xid: e.xid, seq: e.seq });

const SUBJECTS = new Map<string, string>(
  [activityRecordedV1, orderPlacedV1, orderCancelledV1, orderRefundedV1].map((c: EventContract) => [c.type, c.subject]),
);
const subjectOf = (type: string) => SUBJECTS.get(type) as string;

function orderEventOf(event: LoggedEvent, data: Record<string, unknown>, occurredAt: Date): { contract: EventContract; data: unknown } | null {
  const base = { customerId: event.customerId, orderId: data['orderId'] };
  switch (event.type) {
    case 'ORDER_PLACED':
      return {
        contract: orderPlacedV1,
        data: { ...base, placedAt: occurredAt.toISOString(), currency: data['currency'], total: data['total'], lines: data['lines'] },
      };
    case 'ORDER_CANCELLED':
      return { contract: orderCancelledV1, data: { ...base, amount: data['amount'], occurredAt: occurredAt.toISOString() } };
    case 'ORDER_REFUNDED':
      return { contract: orderRefundedV1, data: { ...base, amount: data['amount'], occurredAt: occurredAt.toISOString() } };
    default:
      return null;
  }
}

/**
 * A stable UUID (version 5 layout) per recorded event and message kind: the same event always
 * publishes under the same id, so JetStream's duplicate window and the consumers' inboxes drop copies.
 */
function eventIdOf(eventId: string, kind: 'activity' | 'order'): string {
  const hash = createHash('sha1').update(`rekindle.profile:${kind}:${eventId}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
