import { randomUUID } from 'node:crypto';
import {
  activityRecordedV1,
  createEvent,
  InputError,
  orderCancelledV1,
  orderPlacedV1,
  orderRefundedV1,
  type CloudEvent,
} from '@rekindle/contracts';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, type DataSource, type EntityManager } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import {
  emptyCustomerState,
  recordActivity,
  summariseEvents,
  validateEventBatch,
  type EventRejection,
  type LifecycleThresholds,
} from '@rekindle/profile-core';
import type { ActivityRepository, ActivityState } from '../data/activity.repository';
import type { CustomerModel } from '../data/customer.model';
import type { CustomerRepository } from '../data/customer.repository';
import type { EventRepository, StoredEvent } from '../data/event.repository';
import type { LifecycleRepository } from '../data/lifecycle.repository';
import { customerRegisteredEvents } from './customer-registered-events';
import { lifecycleChangedEvents, stageChanges } from './lifecycle-transitions';

export interface RecordEventsResult {
  accepted: number;
  duplicates: number;
  rejected: Pick<EventRejection, 'index' | 'code' | 'field' | 'message'>[];
  customersCreated: number;
}

export interface RecordEventsDeps {
  dataSource: DataSource;
  customers: CustomerRepository;
  events: EventRepository;
  activity: ActivityRepository;
  lifecycle: LifecycleRepository;
  clock: Clock;
  thresholds: LifecycleThresholds;
  onEventsCommitted: () => void;
}

/**
 * Partners' event ingestion: each bad event is rejected alone; the good ones are written in one
 * transaction with everything they change (orders, summaries, lifecycle stages, outbox), so an
 * event is never half-written. Idempotent by eventId: a repeat is counted as a duplicate and
 * changes nothing. An unknown customerExternalId registers that customer (just before, in a
 * transaction of its own).
 */
export class RecordEventsUseCase {
  constructor(private readonly deps: RecordEventsDeps) {}

  async execute(items: readonly unknown[], traceparent?: string): Promise<RecordEventsResult> {
    const now = this.deps.clock.now();
    const validation = validateEventBatch(items, now);
    if (!validation.ok) throw new InputError(validation.issues);
    const rejected = validation.rejected.map(({ index, code, field, message }) => ({ index, code, field, message }));
    if (validation.accepted.length === 0) return { accepted: 0, duplicates: 0, rejected, customersCreated: 0 };

    const externalIds = [...new Set(validation.accepted.map((e) => e.customerExternalId))];
    const customers = await inTransaction(this.deps.dataSource, (manager) => this.resolveCustomers(manager, externalIds, now, traceparent));
    const outcome = await inTransaction(this.deps.dataSource, (manager) =>
      this.record(manager, validation.accepted, customers, now, traceparent),
    );
    if (outcome.accepted > 0 || outcome.customersCreated > 0) this.deps.onEventsCommitted();
    return { ...outcome, rejected };
  }

  /**
   * Lock order matters for throughput and safety. Everything that only inserts or adds (events,
   * orders, daily counts, the outbox of the events themselves) goes first, each in a fixed key order
   * so concurrent batches never deadlock; the customers' rows are locked last, sorted, for the short
   * read-modify-write of their summary and stage.
   */
  private async record(
    manager: EntityManager,
    accepted: StoredEventInput[],
    { idOf, created }: ResolvedCustomers,
    now: Date,
    traceparent?: string,
  ) {
    const { events, activity, lifecycle } = this.deps;

    const stored = accepted
      .map((e) => ({ ...e, customerId: idOf.get(e.customerExternalId) as string }) as StoredEvent)
      .sort((a, b) => compare(a.eventId, b.eventId));
    const newIds = await events.insertNew(manager, stored);
    const fresh = stored.filter((e) => newIds.has(e.eventId));

    const summary = summariseEvents(fresh);
    // One connection serves the transaction, so these run one after the other.
    await events.insertOrders(manager, fresh);
    await events.insertReversals(manager, fresh);
    await events.recordComplaints(manager, fresh);
    await events.addDailyActivity(
      manager,
      summary.daily
        .map((d) => ({ ...d, customerId: idOf.get(d.customerExternalId) as string }))
        .sort((a, b) => compare(a.customerId, b.customerId) || compare(a.day, b.day)),
    );
    await events.addCategories(
      manager,
      summary.categories
        .map((c) => ({ ...c, customerId: idOf.get(c.customerExternalId) as string }))
        .sort((a, b) => compare(a.customerId, b.customerId) || compare(a.category, b.category)),
    );
    await appendToOutbox(manager, fresh.flatMap((e) => domainEvents(e, traceparent)));

    const touchedIds = [...new Set([...summary.customers.map((c) => idOf.get(c.customerExternalId) as string), ...created.map((c) => c.id)])];
    const states = await activity.loadForUpdate(manager, touchedIds);
    const byCustomer = new Map(summary.customers.map((c) => [idOf.get(c.customerExternalId), c]));
    const updated: ActivityState[] = states.map((state) => {
      const batch = byCustomer.get(state.customerId);
      if (!batch) return state;
      const times = recordActivity(
        { firstActivityAt: state.firstActiveAt, lastActivityAt: state.lastActiveAt, reactivatedAt: state.reactivatedAt },
        batch.activityTimes,
        this.deps.thresholds.reactivationGapDays,
      );
      return {
        ...state,
        firstActiveAt: times.firstActivityAt,
        lastActiveAt: times.lastActivityAt,
        reactivatedAt: times.reactivatedAt,
        lastLoginAt: latest(state.lastLoginAt, batch.lastLoginAt),
        lastOrderAt: latest(state.lastOrderAt, batch.lastOrderAt),
        shares: state.shares + batch.shares,
        socialInteractions: state.socialInteractions + batch.socialInteractions,
      };
    });
    await activity.save(manager, updated);
    const changes = stageChanges(updated, now, this.deps.thresholds);
    await lifecycle.saveChanges(manager, changes);
    await appendToOutbox(manager, lifecycleChangedEvents(changes, traceparent));
    return { accepted: fresh.length, duplicates: accepted.length - fresh.length, customersCreated: created.length };
  }

  /**
   * Finds the customers the events name and registers the unknown ones, in a short transaction of
   * its own: only unknown ids are locked (the lock upsertCustomers takes too), so a customer is
   * created once even when calls race, and the events' transaction holds no such lock. A customer
   * registered here stays registered if recording its events then fails: the partner named it.
   */
  private async resolveCustomers(manager: EntityManager, externalIds: string[], now: Date, traceparent?: string): Promise<ResolvedCustomers> {
    const { customers } = this.deps;
    const known = await customers.findByExternalIds(manager, externalIds);
    const knownIds = new Set(known.map((c) => c.externalId));
    let missing = externalIds.filter((id) => !knownIds.has(id));
    if (missing.length > 0) {
      await customers.lockExternalIds(manager, missing);
      const raced = await customers.findByExternalIds(manager, missing);
      known.push(...raced);
      raced.forEach((c) => knownIds.add(c.externalId));
      missing = missing.filter((id) => !knownIds.has(id));
    }
    const created = await customers.insertMany(
      manager,
      missing.map((id) => ({ id: randomUUID(), state: emptyCustomerState(id) })),
    );
    await appendToOutbox(manager, customerRegisteredEvents(created, now, traceparent));
    return { idOf: new Map([...known, ...created].map((c) => [c.externalId, c.id])), created };
  }
}

type StoredEventInput = Omit<StoredEvent, 'customerId'>;

interface ResolvedCustomers {
  idOf: Map<string, string>;
  created: CustomerModel[];
}

const latest = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The events one accepted customer event publishes: always activity.recorded, plus the order event for order types. */
function domainEvents(e: StoredEvent, traceparent?: string): CloudEvent[] {
  const meta = { subject: e.customerId, time: new Date(e.occurredAt), traceparent };
  const recorded = createEvent(activityRecordedV1, {
    ...meta,
    data: { customerId: e.customerId, eventId: e.eventId, activityType: e.type, occurredAt: e.occurredAt, data: e.data },
  });
  switch (e.type) {
    case 'ORDER_PLACED':
      return [
        recorded,
        createEvent(orderPlacedV1, {
          ...meta,
          data: {
            customerId: e.customerId,
            orderId: e.data.orderId,
            placedAt: e.occurredAt,
            currency: e.data.currency,
            total: e.data.total,
            lines: e.data.lines.map((l) => ({ productId: l.productId, category: l.category, quantity: l.quantity, unitPrice: l.unitPrice })),
          },
        }),
      ];
    case 'ORDER_CANCELLED':
    case 'ORDER_REFUNDED':
      return [
        recorded,
        createEvent(e.type === 'ORDER_CANCELLED' ? orderCancelledV1 : orderRefundedV1, {
          ...meta,
          data: { customerId: e.customerId, orderId: e.data.orderId, amount: e.data.amount, occurredAt: e.occurredAt },
        }),
      ];
    default:
      return [recorded];
  }
}
