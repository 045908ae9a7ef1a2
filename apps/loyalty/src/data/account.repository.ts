import type { EntityManager } from '@rekindle/platform-database';
import { LOWEST_TIER, monthStart, type Month, type TierKey, type TierState } from '@rekindle/loyalty-core';

/** A loyalty account as the service keeps it; the GraphQL `LoyaltyAccount` is built from it. */
export interface LoyaltyAccountModel {
  /** The account's id: its customer's id. */
  id: string;
  customerId: string;
  tier: TierKey;
  tierSince: Date;
  /** The first month-end evaluated for this account ('YYYY-MM'). */
  startMonth: Month;
  lastEvaluatedMonth: Month | null;
  birthDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface AccountRow {
  customer_id: string;
  tier: TierKey;
  tier_since: Date;
  start_month: string;
  last_evaluated_month: string | null;
  birth_date: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'customer_id, tier, tier_since, start_month, last_evaluated_month, birth_date, created_at, updated_at';

const toModel = (row: AccountRow): LoyaltyAccountModel => ({
  id: row.customer_id,
  customerId: row.customer_id,
  tier: row.tier,
  tierSince: row.tier_since,
  startMonth: row.start_month,
  lastEvaluatedMonth: row.last_evaluated_month,
  birthDate: row.birth_date,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const tierStateOf = (account: LoyaltyAccountModel): TierState => ({
  tier: account.tier,
  tierSince: account.tierSince,
  lastEvaluatedMonth: account.lastEvaluatedMonth,
});

/** Loyalty accounts: one per customer, created by the first profile event about them. */
export class AccountRepository {
  /**
   * Creates the account in the lowest tier, evaluated from `month` on (initialTierState of its
   * start), or, while no month has been evaluated yet, moves its start back to `month` when older
   * activity arrives: history imported after the customer registered still counts.
   */
  async ensure(manager: EntityManager, customerId: string, month: Month): Promise<void> {
    await manager.query(
      `INSERT INTO loyalty_account AS a (customer_id, tier, tier_since, start_month)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE SET start_month = excluded.start_month, tier_since = excluded.tier_since, updated_at = now()
         WHERE a.last_evaluated_month IS NULL AND a.start_month > excluded.start_month`,
      [customerId, LOWEST_TIER, monthStart(month), month],
    );
  }

  /** Keeps the birth date of the newest profile event: an older one arriving late changes nothing. */
  async setBirthDate(manager: EntityManager, customerId: string, birthDate: string | null, changedAt: Date): Promise<void> {
    await manager.query(
      `UPDATE loyalty_account SET birth_date = $2, profile_changed_at = $3, updated_at = now()
       WHERE customer_id = $1 AND (profile_changed_at IS NULL OR profile_changed_at <= $3)
         AND (birth_date IS DISTINCT FROM $2::date OR profile_changed_at IS DISTINCT FROM $3)`,
      [customerId, birthDate, changedAt],
    );
  }

  /** The account, locked until the transaction ends: every ledger write for a customer goes through this lock. */
  async lock(manager: EntityManager, customerId: string): Promise<LoyaltyAccountModel | null> {
    const rows: AccountRow[] = await manager.query(`SELECT ${COLUMNS} FROM loyalty_account WHERE customer_id = $1 FOR UPDATE`, [customerId]);
    return rows[0] ? toModel(rows[0]) : null;
  }

  /** Several accounts locked at once, in customer id order (so two batches never deadlock). */
  async lockMany(manager: EntityManager, customerIds: readonly string[]): Promise<LoyaltyAccountModel[]> {
    const rows: AccountRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM loyalty_account WHERE customer_id = ANY($1::uuid[]) ORDER BY customer_id FOR UPDATE`,
      [customerIds],
    );
    return rows.map(toModel);
  }

  async findByIds(manager: EntityManager, customerIds: readonly string[]): Promise<LoyaltyAccountModel[]> {
    const rows: AccountRow[] = await manager.query(`SELECT ${COLUMNS} FROM loyalty_account WHERE customer_id = ANY($1::uuid[])`, [customerIds]);
    return rows.map(toModel);
  }

  /**
   * The next accounts (in customer id order, after `after`) with a month end left to evaluate up to
   * `lastCompleteMonth`, locked.
   */
  async lockForEvaluation(manager: EntityManager, lastCompleteMonth: Month, after: string | null, limit: number): Promise<LoyaltyAccountModel[]> {
    const rows: AccountRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM loyalty_account
       WHERE ($2::uuid IS NULL OR customer_id > $2)
         AND start_month <= $1 AND (last_evaluated_month IS NULL OR last_evaluated_month < $1)
       ORDER BY customer_id LIMIT $3 FOR UPDATE`,
      [lastCompleteMonth, after, limit],
    );
    return rows.map(toModel);
  }

  async saveTierStates(manager: EntityManager, states: (TierState & { customerId: string })[]): Promise<void> {
    if (states.length === 0) return;
    await manager.query(
      `UPDATE loyalty_account a SET tier = x.tier, tier_since = x.tier_since, last_evaluated_month = x.last_evaluated_month, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(customer_id uuid, tier text, tier_since timestamptz, last_evaluated_month text)
       WHERE a.customer_id = x.customer_id`,
      [
        JSON.stringify(
          states.map((s) => ({ customer_id: s.customerId, tier: s.tier, tier_since: s.tierSince, last_evaluated_month: s.lastEvaluatedMonth })),
        ),
      ],
    );
  }
}
