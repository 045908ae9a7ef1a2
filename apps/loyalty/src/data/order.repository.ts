import type { EntityManager } from '@rekindle/platform-database';
import type { TierKey } from '@rekindle/loyalty-core';

/** What an order earned, kept so that a cancellation or refund takes back exactly that. */
export interface LoyaltyOrderModel {
  orderId: string;
  customerId: string;
  placedAt: Date;
  currency: string;
  /** Decimal string. */
  value: string;
  tier: TierKey;
  birthdayBonus: boolean;
  earnedPoints: number;
  growth: number;
  earnEntryId: string | null;
  eventId: string;
  programVersion: number;
  /** Money reversed so far (decimal string). */
  reversedAmount: string;
  pointsReversed: number;
  growthReversed: number;
}

interface OrderRow {
  order_id: string;
  customer_id: string;
  placed_at: Date;
  currency: string;
  value: string;
  tier: TierKey;
  birthday_bonus: boolean;
  earned_points: string;
  growth: string;
  earn_entry_id: string | null;
  event_id: string;
  program_version: number;
  reversed_amount: string;
  points_reversed: string;
  growth_reversed: string;
}

const toModel = (r: OrderRow): LoyaltyOrderModel => ({
  orderId: r.order_id,
  customerId: r.customer_id,
  placedAt: r.placed_at,
  currency: r.currency,
  value: r.value,
  tier: r.tier,
  birthdayBonus: r.birthday_bonus,
  earnedPoints: Number(r.earned_points),
  growth: Number(r.growth),
  earnEntryId: r.earn_entry_id,
  eventId: r.event_id,
  programVersion: r.program_version,
  reversedAmount: r.reversed_amount,
  pointsReversed: Number(r.points_reversed),
  growthReversed: Number(r.growth_reversed),
});

export type ReversalKind = 'CANCELLED' | 'REFUNDED';

/** A cancellation or refund as received. */
export interface OrderReversal {
  eventId: string;
  orderId: string;
  customerId: string;
  kind: ReversalKind;
  /** Decimal string. */
  amount: string;
  occurredAt: Date;
}

export interface ReversalOutcome {
  points: number;
  shortfall: number;
  growth: number;
  entryId: string | null;
}

interface ReversalRow {
  event_id: string;
  order_id: string;
  customer_id: string;
  kind: ReversalKind;
  amount: string;
  occurred_at: Date;
}

/** Orders as loyalty saw them, and their cancellations and refunds (applied, or parked until the order arrives). */
export class OrderRepository {
  /** Records the order unless it is known already; returns whether it was new. */
  async insert(manager: EntityManager, order: Omit<LoyaltyOrderModel, 'reversedAmount' | 'pointsReversed' | 'growthReversed'>): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO loyalty_order (order_id, customer_id, placed_at, currency, value, tier, birthday_bonus, earned_points, growth,
         earn_entry_id, event_id, program_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (order_id) DO NOTHING
       RETURNING order_id`,
      [
        order.orderId,
        order.customerId,
        order.placedAt,
        order.currency,
        order.value,
        order.tier,
        order.birthdayBonus,
        order.earnedPoints,
        order.growth,
        order.earnEntryId,
        order.eventId,
        order.programVersion,
      ],
    );
    return rows.length > 0;
  }

  async lock(manager: EntityManager, orderId: string): Promise<LoyaltyOrderModel | null> {
    const rows: OrderRow[] = await manager.query('SELECT * FROM loyalty_order WHERE order_id = $1 FOR UPDATE', [orderId]);
    return rows[0] ? toModel(rows[0]) : null;
  }

  async addReversal(manager: EntityManager, orderId: string, amount: string, points: number, growth: number): Promise<void> {
    await manager.query(
      `UPDATE loyalty_order SET reversed_amount = reversed_amount + $2::numeric, points_reversed = points_reversed + $3,
         growth_reversed = growth_reversed + $4
       WHERE order_id = $1`,
      [orderId, amount, points, growth],
    );
  }

  /** Keeps a reversal whose order has not arrived yet; returns false when this event was kept before. */
  async park(manager: EntityManager, reversal: OrderReversal): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO loyalty_order_reversal (event_id, order_id, customer_id, kind, amount, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [reversal.eventId, reversal.orderId, reversal.customerId, reversal.kind, reversal.amount, reversal.occurredAt],
    );
    return rows.length > 0;
  }

  /** Records a reversal as applied (inserting it, or completing a parked one). */
  async markApplied(manager: EntityManager, reversal: OrderReversal, outcome: ReversalOutcome): Promise<void> {
    await manager.query(
      `INSERT INTO loyalty_order_reversal AS r (event_id, order_id, customer_id, kind, amount, occurred_at, applied_at, points, shortfall, growth, entry_id)
       VALUES ($1, $2, $3, $4, $5, $6, now(), $7, $8, $9, $10)
       ON CONFLICT (event_id) DO UPDATE SET applied_at = excluded.applied_at, points = excluded.points, shortfall = excluded.shortfall,
         growth = excluded.growth, entry_id = excluded.entry_id`,
      [
        reversal.eventId,
        reversal.orderId,
        reversal.customerId,
        reversal.kind,
        reversal.amount,
        reversal.occurredAt,
        outcome.points,
        outcome.shortfall,
        outcome.growth,
        outcome.entryId,
      ],
    );
  }

  /** Reversals parked for `orderId`, in the order they happened, locked. */
  async parkedFor(manager: EntityManager, orderId: string): Promise<OrderReversal[]> {
    const rows: ReversalRow[] = await manager.query(
      `SELECT event_id, order_id, customer_id, kind, amount, occurred_at FROM loyalty_order_reversal
       WHERE order_id = $1 AND applied_at IS NULL ORDER BY occurred_at, event_id FOR UPDATE`,
      [orderId],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      orderId: r.order_id,
      customerId: r.customer_id,
      kind: r.kind,
      amount: r.amount,
      occurredAt: r.occurred_at,
    }));
  }
}
