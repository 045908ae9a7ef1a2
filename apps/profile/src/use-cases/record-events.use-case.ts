import { randomUUID } from 'node:crypto';
import type { LRUCache } from 'lru-cache';
import { InputError } from '@rekindle/util';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, type DataSource, type EntityManager } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import { emptyCustomerState, validateEventBatch, type EventRejection } from '@rekindle/profile-core';
import type { CustomerModel } from '../data/customer.model';
import type { CustomerRepository } from '../data/customer.repository';
import type { EventLogRepository, StoredEvent } from '../data/event-log.repository';
import { customerRegisteredEvents } from '../events/customer-registered.event';

export interface RecordEventsResult {
  accepted: number;
  duplicates: number;
  rejected: Pick<EventRejection, 'index' | 'code' | 'field' | 'message'>[];
  customersCreated: number;
}

export interface RecordEventsDeps {
  dataSource: DataSource;
  customers: CustomerRepository;
  /** externalId → customer id, shared by the calls of this process. */
  customerIds: LRUCache<string, string>;
  log: EventLogRepository;
  clock: Clock;
  /** Called after commit: the folder, the publisher and the outbox relay have work. */
  onEventsCommitted: () => void;
}

/**
 * Partners' event ingestion: each bad event is rejected alone; the good ones are appended to the
 * event log in one statement, so an event is never half-written. Idempotent by eventId: a repeat is
 * counted as a duplicate and changes nothing. An unknown customerExternalId registers that customer
 * (just before, in a transaction of its own).
 *
 * What the events change (orders, summaries, lifecycle stages) is folded in by FoldEventsUseCase,
 * and what they announce is published by PublishRecordedEventsUseCase, both in the background and
 * normally within a fraction of a second: the call returns once the events are durable.
 */
export class RecordEventsUseCase {
  constructor(private readonly deps: RecordEventsDeps) {}

  async execute(items: readonly unknown[], traceparent?: string): Promise<RecordEventsResult> {
    const now = this.deps.clock.now();
    const validation = validateEventBatch(items, now);
    if (!validation.ok) throw new InputError(validation.issues);
    const rejected = validation.rejected.map(({ index, code, field, message }) => ({ index, code, field, message }));
    if (validation.accepted.length === 0) return { accepted: 0, duplicates: 0, rejected, customersCreated: 0 };

    // Known ids come from the cache first (a customer's id never changes); the rest from the database.
    const idOf = new Map<string, string>();
    const uncached: string[] = [];
    for (const externalId of new Set(validation.accepted.map((e) => e.customerExternalId))) {
      const id = this.deps.customerIds.get(externalId);
      if (id === undefined) uncached.push(externalId);
      else idOf.set(externalId, id);
    }
    const created =
      uncached.length === 0
        ? []
        : await inTransaction(this.deps.dataSource, (manager) => this.resolveCustomers(manager, uncached, idOf, now, traceparent));
    for (const externalId of uncached) this.deps.customerIds.set(externalId, idOf.get(externalId) as string);
    const stored = validation.accepted.map(
      ({ eventId, customerExternalId, type, occurredAt, data }) =>
        ({ eventId, customerExternalId, type, occurredAt, data, customerId: idOf.get(customerExternalId) as string }) as StoredEvent,
    );
    const accepted = await this.deps.log.append(this.deps.dataSource.manager, stored, traceparent);
    if (accepted > 0 || created.length > 0) this.deps.onEventsCommitted();
    return { accepted, duplicates: stored.length - accepted, rejected, customersCreated: created.length };
  }

  /**
   * Finds the customers not in the cache and registers the unknown ones, into `idOf`, in a short
   * transaction of its own. Concurrent calls share the unknown ids' locks and let ON CONFLICT settle
   * who creates a customer; an upsertCustomers of the same ids (exclusive locks) waits, or is waited
   * for. A customer registered here stays registered if recording its events then fails: the
   * partner named it. Returns the customers it created.
   */
  private async resolveCustomers(
    manager: EntityManager,
    externalIds: string[],
    idOf: Map<string, string>,
    now: Date,
    traceparent?: string,
  ): Promise<CustomerModel[]> {
    const { customers } = this.deps;
    const known = await customers.idsByExternalIds(manager, externalIds);
    known.forEach((id, externalId) => idOf.set(externalId, id));
    const missing = externalIds.filter((externalId) => !known.has(externalId));
    if (missing.length === 0) return [];

    await customers.lockExternalIdsShared(manager, missing);
    const created = await customers.insertNewExternalIds(
      manager,
      missing.map((id) => ({ id: randomUUID(), state: emptyCustomerState(id) })),
    );
    created.forEach((c) => idOf.set(c.externalId, c.id));
    const raced = missing.filter((externalId) => !idOf.has(externalId));
    if (raced.length > 0) (await customers.idsByExternalIds(manager, raced)).forEach((id, externalId) => idOf.set(externalId, id));
    await appendToOutbox(manager, customerRegisteredEvents(created, now, traceparent));
    return created;
  }
}
