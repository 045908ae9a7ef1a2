import { consentChangedV1, createEvent } from '@rekindle/contracts';
import { InputError } from '@rekindle/util';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, type DataSource } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import { validateConsentBatch } from '@rekindle/profile-core';
import type { ConsentRepository } from '../data/consent.repository';
import type { CustomerRepository } from '../data/customer.repository';

/**
 * Consent per channel with its history. The whole batch is rejected when an item is invalid or
 * names a customer Rekindle does not know (consent is never recorded for nobody); a repeated or
 * older change leaves the current consent as it is and is counted as unchanged.
 */
export class UpdateConsentsUseCase {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      customers: CustomerRepository;
      consents: ConsentRepository;
      clock: Clock;
      onEventsCommitted: () => void;
    },
  ) {}

  async execute(items: readonly unknown[], traceparent?: string): Promise<{ applied: number; unchanged: number }> {
    const now = this.deps.clock.now();
    const validation = validateConsentBatch(items, now);
    if (!validation.ok) throw new InputError(validation.issues);
    const { changes } = validation;
    const applied = await inTransaction(this.deps.dataSource, async (manager) => {
      const known = await this.deps.customers.findByExternalIds(manager, [...new Set(changes.map((c) => c.customerExternalId))]);
      const idOf = new Map(known.map((c) => [c.externalId, c.id]));
      const unknown = changes.flatMap((c, index) =>
        idOf.has(c.customerExternalId) ? [] : [{ index, field: `consents[${index}].customerExternalId`, message: 'is not a known customer' }],
      );
      if (unknown.length > 0) throw new InputError(unknown);
      const moved = await this.deps.consents.apply(
        manager,
        changes.map((c) => ({ ...c, customerId: idOf.get(c.customerExternalId) as string })),
      );
      await appendToOutbox(
        manager,
        moved.map((c) =>
          createEvent(consentChangedV1, {
            subject: c.customerId,
            time: now,
            traceparent,
            data: { ...c, changedAt: new Date(c.changedAt).toISOString() },
          }),
        ),
      );
      return moved.length;
    });
    if (applied > 0) this.deps.onEventsCommitted();
    return { applied, unchanged: changes.length - applied };
  }
}
