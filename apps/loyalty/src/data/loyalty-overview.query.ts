import type { EntityManager } from '@rekindle/platform-database';

/** The programme's position in one statement: members per tier, points outstanding, and points expiring in (from, until]. */
export interface LoyaltyPosition {
  /** Members per tier; tiers without members are absent. */
  tiers: Record<string, number>;
  pointsOutstanding: number;
  pointsExpiring: number;
}

export async function loadLoyaltyPosition(manager: EntityManager, from: Date, until: Date): Promise<LoyaltyPosition> {
  const [row]: { tiers: Record<string, number> | null; outstanding: string; expiring: string }[] = await manager.query(
    `WITH window_lots AS (
       SELECT id, points FROM ledger_entry WHERE expires_at > $1 AND expires_at <= $2),
     used AS (
       SELECT (a->>'lotId')::uuid AS lot_id, sum((a->>'points')::bigint) AS points
       FROM ledger_entry d CROSS JOIN LATERAL jsonb_array_elements(d.allocations) a
       WHERE d.allocations IS NOT NULL AND d.customer_id IN (
         SELECT customer_id FROM ledger_entry WHERE expires_at > $1 AND expires_at <= $2)
       GROUP BY 1)
     SELECT (SELECT jsonb_object_agg(tier, n) FROM (SELECT tier, count(*)::int AS n FROM loyalty_account GROUP BY tier) t) AS tiers,
            (SELECT coalesce(sum(points), 0) FROM ledger_entry) AS outstanding,
            (SELECT coalesce(sum(greatest(l.points - coalesce(u.points, 0), 0)), 0) FROM window_lots l LEFT JOIN used u ON u.lot_id = l.id) AS expiring`,
    [from, until],
  );
  return { tiers: row?.tiers ?? {}, pointsOutstanding: Number(row?.outstanding ?? 0), pointsExpiring: Number(row?.expiring ?? 0) };
}
