import type { EntityManager } from '@rekindle/platform-database';
import type { Month, TierKey } from '@rekindle/loyalty-core';

export interface TierChangeRecord {
  customerId: string;
  month: Month;
  from: TierKey;
  to: TierKey;
  effectiveAt: Date;
  reason: string;
  eventId: string;
}

/** Every tier change, so the tier a customer held at any instant can be told (for orders that arrive late). */
export class TierChangeRepository {
  async insert(manager: EntityManager, changes: readonly TierChangeRecord[]): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `INSERT INTO loyalty_tier_change (customer_id, month, from_tier, to_tier, effective_at, reason, event_id)
       SELECT customer_id, month, from_tier, to_tier, effective_at, reason, event_id
       FROM jsonb_to_recordset($1::jsonb) AS x(customer_id uuid, month text, from_tier text, to_tier text, effective_at timestamptz,
         reason text, event_id uuid)`,
      [
        JSON.stringify(
          changes.map((c) => ({
            customer_id: c.customerId,
            month: c.month,
            from_tier: c.from,
            to_tier: c.to,
            effective_at: c.effectiveAt,
            reason: c.reason,
            event_id: c.eventId,
          })),
        ),
      ],
    );
  }

  /** The tier the latest change up to `at` moved the customer to; null when none had happened by then. */
  async tierAt(manager: EntityManager, customerId: string, at: Date): Promise<TierKey | null> {
    const rows: { to_tier: TierKey }[] = await manager.query(
      'SELECT to_tier FROM loyalty_tier_change WHERE customer_id = $1 AND effective_at <= $2 ORDER BY effective_at DESC LIMIT 1',
      [customerId, at],
    );
    return rows[0]?.to_tier ?? null;
  }
}
