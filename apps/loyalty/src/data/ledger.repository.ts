import type { EntityManager } from '@rekindle/platform-database';
import type { LedgerEntry, LedgerEntryType, Lot, LotAllocation } from '@rekindle/loyalty-core';

/** One ledger line with its cause, as stored and as `LoyaltyLedgerEntry` shows it. */
export interface LedgerEntryModel extends LedgerEntry {
  seq: number;
  customerId: string;
  recordedAt: Date;
  expiresAt: Date | null;
  allocations: LotAllocation[];
  shortfall: number;
  causeEventId: string | null;
  orderId: string | null;
  reason: string | null;
  idempotencyKey: string | null;
  programVersion: number | null;
}

/** An entry to append: the id is chosen by the caller (a credit's id is its lot's id). */
export interface NewLedgerEntry {
  id: string;
  customerId: string;
  type: LedgerEntryType;
  points: number;
  occurredAt: Date;
  expiresAt?: Date | null;
  allocations?: readonly LotAllocation[] | null;
  shortfall?: number | null;
  causeEventId?: string | null;
  orderId?: string | null;
  reason?: string | null;
  idempotencyKey?: string | null;
  programVersion?: number | null;
}

interface EntryRow {
  seq: string;
  id: string;
  customer_id: string;
  type: LedgerEntryType;
  points: string;
  occurred_at: Date;
  recorded_at: Date;
  expires_at: Date | null;
  allocations: LotAllocation[] | null;
  shortfall: string | null;
  cause_event_id: string | null;
  order_id: string | null;
  reason: string | null;
  idempotency_key: string | null;
  program_version: number | null;
}

const COLUMNS = `seq, id, customer_id, type, points, occurred_at, recorded_at, expires_at, allocations, shortfall,
  cause_event_id, order_id, reason, idempotency_key, program_version`;

const toModel = (row: EntryRow): LedgerEntryModel => ({
  seq: Number(row.seq),
  id: row.id,
  customerId: row.customer_id,
  type: row.type,
  points: Number(row.points),
  occurredAt: row.occurred_at,
  recordedAt: row.recorded_at,
  expiresAt: row.expires_at,
  allocations: row.allocations ?? [],
  shortfall: row.shortfall === null ? 0 : Number(row.shortfall),
  causeEventId: row.cause_event_id,
  orderId: row.order_id,
  reason: row.reason,
  idempotencyKey: row.idempotency_key,
  programVersion: row.program_version,
});

const groupBy = <T extends { customerId: string }>(items: T[]) => {
  const grouped = new Map<string, T[]>();
  for (const item of items) grouped.set(item.customerId, [...(grouped.get(item.customerId) ?? []), item]);
  return grouped;
};

export interface LedgerPage {
  size: number;
  /** The `seq` of the last entry of the previous page. */
  afterSeq: number | null;
}

/** The append-only points ledger (a trigger refuses UPDATE and DELETE). The balance is its sum. */
export class LedgerRepository {
  async append(manager: EntityManager, entries: readonly NewLedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO ledger_entry (id, customer_id, type, points, occurred_at, expires_at, allocations, shortfall,
         cause_event_id, order_id, reason, idempotency_key, program_version)
       SELECT id, customer_id, type, points, occurred_at, expires_at, allocations, shortfall,
         cause_event_id, order_id, reason, idempotency_key, program_version
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, customer_id uuid, type text, points bigint, occurred_at timestamptz,
         expires_at timestamptz, allocations jsonb, shortfall bigint, cause_event_id uuid, order_id text, reason text,
         idempotency_key text, program_version int)) WITH ORDINALITY AS x(id, customer_id, type, points, occurred_at, expires_at,
         allocations, shortfall, cause_event_id, order_id, reason, idempotency_key, program_version, n)
       ORDER BY x.n`,
      [
        JSON.stringify(
          entries.map((e) => ({
            id: e.id,
            customer_id: e.customerId,
            type: e.type,
            points: e.points,
            occurred_at: e.occurredAt,
            expires_at: e.expiresAt ?? null,
            allocations: e.allocations ?? null,
            shortfall: e.shortfall ?? null,
            cause_event_id: e.causeEventId ?? null,
            order_id: e.orderId ?? null,
            reason: e.reason ?? null,
            idempotency_key: e.idempotencyKey ?? null,
            program_version: e.programVersion ?? null,
          })),
        ),
      ],
    );
  }

  /** Every entry of each customer, in the order recorded: what openLots needs. */
  async entriesOf(manager: EntityManager, customerIds: readonly string[]): Promise<Map<string, LedgerEntryModel[]>> {
    const rows: EntryRow[] = await manager.query(`SELECT ${COLUMNS} FROM ledger_entry WHERE customer_id = ANY($1::uuid[]) ORDER BY customer_id, seq`, [
      customerIds,
    ]);
    return groupBy(rows.map(toModel));
  }

  async findByIds(manager: EntityManager, ids: readonly string[]): Promise<LedgerEntryModel[]> {
    const rows: EntryRow[] = await manager.query(`SELECT ${COLUMNS} FROM ledger_entry WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map(toModel);
  }

  async balanceOf(manager: EntityManager, customerId: string): Promise<number> {
    const [row]: { balance: string }[] = await manager.query('SELECT coalesce(sum(points), 0) AS balance FROM ledger_entry WHERE customer_id = $1', [
      customerId,
    ]);
    return Number(row?.balance ?? 0);
  }

  /**
   * The lots still holding points (credits less what debits allocated from them) of each customer,
   * oldest first: one statement for a whole page of customers.
   */
  async openLotsOf(manager: EntityManager, customerIds: readonly string[]): Promise<Map<string, (Lot & { customerId: string })[]>> {
    const rows: { customer_id: string; lot_id: string; earned_at: Date; expires_at: Date; points: string; remaining: string }[] = await manager.query(
      `WITH used AS (
         SELECT (a->>'lotId')::uuid AS lot_id, sum((a->>'points')::bigint) AS points
         FROM ledger_entry d CROSS JOIN LATERAL jsonb_array_elements(d.allocations) a
         WHERE d.customer_id = ANY($1::uuid[]) AND d.allocations IS NOT NULL
         GROUP BY 1)
       SELECT c.customer_id, c.id AS lot_id, c.occurred_at AS earned_at, c.expires_at, c.points, c.points - coalesce(u.points, 0) AS remaining
       FROM ledger_entry c LEFT JOIN used u ON u.lot_id = c.id
       WHERE c.customer_id = ANY($1::uuid[]) AND c.expires_at IS NOT NULL AND c.points - coalesce(u.points, 0) > 0
       ORDER BY c.customer_id, c.occurred_at, c.expires_at, c.seq`,
      [customerIds],
    );
    return groupBy(
      rows.map((r) => ({
        customerId: r.customer_id,
        lotId: r.lot_id,
        earnedAt: r.earned_at,
        expiresAt: r.expires_at,
        points: Number(r.points),
        remaining: Number(r.remaining),
      })),
    );
  }

  async balancesOf(manager: EntityManager, customerIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { customer_id: string; balance: string }[] = await manager.query(
      'SELECT customer_id, sum(points) AS balance FROM ledger_entry WHERE customer_id = ANY($1::uuid[]) GROUP BY customer_id',
      [customerIds],
    );
    return new Map(rows.map((r) => [r.customer_id, Number(r.balance)]));
  }

  /** Newest first, keyset on `seq`; one row more than the page per customer, so the caller knows if more follow. */
  async pages(manager: EntityManager, customerIds: readonly string[], page: LedgerPage): Promise<Map<string, LedgerEntryModel[]>> {
    const rows: EntryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM (
         SELECT e.*, row_number() OVER (PARTITION BY customer_id ORDER BY seq DESC) AS position
         FROM ledger_entry e
         WHERE customer_id = ANY($1::uuid[]) AND ($2::bigint IS NULL OR seq < $2)) ranked
       WHERE position <= $3
       ORDER BY customer_id, seq DESC`,
      [customerIds, page.afterSeq, page.size + 1],
    );
    return groupBy(rows.map(toModel));
  }

  async countsOf(manager: EntityManager, customerIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { customer_id: string; n: number }[] = await manager.query(
      'SELECT customer_id, count(*)::int AS n FROM ledger_entry WHERE customer_id = ANY($1::uuid[]) GROUP BY customer_id',
      [customerIds],
    );
    return new Map(rows.map((r) => [r.customer_id, r.n]));
  }

  /**
   * Customers (in id order, after `after`) holding a lot that reached its expiry at `now` with points
   * left in it: the expiry job's work list.
   */
  async customersWithDueLots(manager: EntityManager, now: Date, after: string | null, limit: number): Promise<string[]> {
    const rows: { customer_id: string }[] = await manager.query(
      `SELECT DISTINCT c.customer_id
       FROM ledger_entry c
       WHERE c.expires_at <= $1 AND ($2::uuid IS NULL OR c.customer_id > $2)
         AND c.points > coalesce((
           SELECT sum((a->>'points')::bigint)
           FROM ledger_entry d CROSS JOIN LATERAL jsonb_array_elements(d.allocations) a
           WHERE d.customer_id = c.customer_id AND d.allocations IS NOT NULL AND a->>'lotId' = c.id::text), 0)
       ORDER BY c.customer_id
       LIMIT $3`,
      [now, after, limit],
    );
    return rows.map((r) => r.customer_id);
  }
}
