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
 * changes nothing. An unknown customerExternalId registers that customer.
 */
export class RecordEventsUseCase {
  constructor(private readonly deps: RecordEventsDeps) {}

  async execute(items: readonly unknown[], traceparent?: string): Promise<RecordEventsResult> {
    const now = this.deps.clock.now();
    const validation = validateEventBatch(items, now);
    if (!validation.ok) throw new InputError(validation.issues);
    const rejected = validation.rejected.map(({ index, code, field, message }) => ({ index, code, field, message }));
    if (validation.accepted.length === 0) return { accepted: 0, duplicates: 0, rejected, customersCreated: 0 };

    const outcome = await inTransaction(this.deps.dataSource, (manager) => this.record(manager, validation.accepted, now, traceparent));
    if (outcome.accepted > 0 || outcome.customersCreated > 0) this.deps.onEventsCommitted();
    return { ...outcome, rejected };
  }

  private async record(manager: EntityManager, accepted: StoredEventInput[], now: Date, traceparent?: string) {
    const { customers, events, activity, lifecycle } = this.deps;
    const externalIds = [...new Set(accepted.map((e) => e.customerExternalId))];
    await customers.lockExternalIds(manager, externalIds);
    const known = await customers.findByExternalIds(manager, externalIds);
    const knownIds = new Set(known.map((c) => c.externalId));
    const created = await customers.insertMany(
      manager,
      externalIds.filter((id) => !knownIds.has(id)).map((id) => ({ id: randomUUID(), state: emptyCustomerState(id) })),
    );
    const idOf = new Map([...known, ...created].map((c) => [c.externalId, c.id]));

    const stored = accepted.map((e) => ({ ...e, customerId: idOf.get(e.customerExternalId) as string }) as StoredEvent);
    const newIds = await events.insertNew(manager, stored);
    const fresh = stored.filter((e) => newIds.has(e.eventId));

    const summary = summariseEvents(fresh);
    // One connection serves the transaction, so these run one after the other.
    await events.insertOrders(manager, fresh);
    await events.insertReversals(manager, fresh);
    await events.recordComplaints(manager, fresh);
    await events.addDailyActivity(manager, summary.daily.map((d) => ({ ...d, customerId: idOf.get(d.customerExternalId) as string })));
    await events.addCategories(manager, summary.categories.map((c) => ({ ...c, customerId: idOf.get(c.customerExternalId) as string })));

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

    await appendToOutbox(manager, [
      ...customerRegisteredEvents(created, now, traceparent),
      ...fresh.flatMap((e) => domainEvents(e, traceparent)),
      ...lifecycleChangedEvents(changes, traceparent),
    ]);
    return { accepted: fresh.length, duplicates: accepted.length - fresh.length, customersCreated: created.length };
  }
}

type StoredEventInput = Omit<StoredEvent, 'customerId'>;

const latest = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a > b ? a : b);

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
