import { randomUUID } from 'node:crypto';
import { createEvent, customerUpdatedV1, type CloudEvent } from '@rekindle/contracts';
import { InputError } from '@rekindle/util';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, lockForTransaction, type DataSource } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import { planCustomerUpserts, stageChanges, validateCustomerBatch, type CustomerField, type LifecycleThresholds } from '@rekindle/profile-core';
import type { ActivityRepository } from '../data/activity.repository';
import { toCustomerSnapshot, type CustomerModel } from '../data/customer.model';
import type { CustomerRepository } from '../data/customer.repository';
import type { LifecycleRepository } from '../data/lifecycle.repository';
import { ProfileLock } from '../data/profile-locks';
import { customerRegisteredEvents } from '../events/customer-registered.event';
import { lifecycleChangedEvents } from '../events/lifecycle-changed.event';

export type UpsertStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface UpsertCustomerResult {
  index: number;
  externalId: string;
  status: UpsertStatus;
  customer: CustomerModel;
}

export interface UpsertCustomersResult {
  results: UpsertCustomerResult[];
  created: number;
  updated: number;
  unchanged: number;
}

export interface UpsertCustomersDeps {
  dataSource: DataSource;
  customers: CustomerRepository;
  activity: ActivityRepository;
  lifecycle: LifecycleRepository;
  clock: Clock;
  thresholds: LifecycleThresholds;
  /** Called after commit so the outbox relay publishes at once instead of at its next poll. */
  onEventsCommitted: () => void;
}

/**
 * Partners' batch upsert: validates the whole batch (any bad item rejects it, nothing written),
 * then in one transaction creates and changes customers set-wise and writes their events to the
 * outbox. New customers get their first lifecycle stage, and a changed signup date may move one.
 * Idempotent by externalId: a retry finds nothing to change and emits nothing.
 */
export class UpsertCustomersUseCase {
  constructor(private readonly deps: UpsertCustomersDeps) {}

  async execute(items: readonly unknown[], traceparent?: string): Promise<UpsertCustomersResult> {
    const now = this.deps.clock.now();
    const validation = validateCustomerBatch(items, now);
    if (!validation.ok) throw new InputError(validation.issues);
    const { patches } = validation;
    const { customers, activity, lifecycle } = this.deps;

    const result = await inTransaction(this.deps.dataSource, async (manager) => {
      const externalIds = patches.map((p) => p.externalId);
      await customers.lockExternalIds(manager, externalIds);
      const existing = await customers.findByExternalIds(manager, externalIds);
      const plan = planCustomerUpserts(patches, new Map(existing.map((c) => [c.externalId, { id: c.id, state: c }])));

      const creates = plan.flatMap((p) => (p.kind === 'create' ? [{ id: randomUUID(), state: p.state }] : []));
      const updates = plan.flatMap((p) => (p.kind === 'update' ? [p] : []));
      const inserted = await customers.insertMany(manager, creates);
      const changed = await customers.updateMany(manager, updates);

      await lockForTransaction(manager, ProfileLock.FOLD);
      const stages = stageChanges(await activity.load(manager, [...inserted, ...changed].map((c) => c.id)), now, this.deps.thresholds);
      await lifecycle.saveChanges(manager, stages);

      const byExternalId = new Map([...existing, ...inserted, ...changed].map((c) => [c.externalId, c]));
      const changedFields = new Map<string, CustomerField[]>(updates.map((u) => [u.id, u.changedFields]));
      const events: CloudEvent[] = [
        ...customerRegisteredEvents(inserted, now, traceparent),
        ...changed.map((c) =>
          createEvent(customerUpdatedV1, {
            subject: c.id,
            time: now,
            traceparent,
            data: { customer: toCustomerSnapshot(c), changedFields: changedFields.get(c.id) ?? [] },
          }),
        ),
        ...lifecycleChangedEvents(stages, traceparent),
      ];
      await appendToOutbox(manager, events);

      const status = { create: 'CREATED', update: 'UPDATED', unchanged: 'UNCHANGED' } as const;
      return {
        results: plan.map((p) => ({
          index: p.index,
          externalId: p.state.externalId,
          status: status[p.kind],
          customer: byExternalId.get(p.state.externalId) as CustomerModel,
        })),
        created: inserted.length,
        updated: changed.length,
        unchanged: plan.length - inserted.length - changed.length,
      };
    });
    if (result.created + result.updated > 0) this.deps.onEventsCommitted();
    return result;
  }
}
