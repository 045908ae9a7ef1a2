import type { Cache } from '@rekindle/platform-cache';
import type { Clock } from '@rekindle/platform-config';
import type { DataSource } from '@rekindle/platform-database';
import { TIER_KEYS, type TierKey } from '@rekindle/loyalty-core';

export interface LoyaltyOverview {
  members: number;
  byTier: { tier: TierKey; members: number }[];
  /** The sum of every balance: points not yet redeemed, expired or reversed. */
  pointsOutstanding: number;
  /** Points in lots that expire after now and within the next 30 days. */
  pointsExpiringNext30Days: number;
  /** ISO-8601: the instant the figures are for (REKINDLE_NOW when set). */
  asOf: string;
}

const DAY_MS = 86_400_000;

/** Members per tier and the points position of the whole programme; cached briefly (a dashboard polls it). */
export class LoyaltyOverviewUseCase {
  constructor(private readonly deps: { dataSource: DataSource; cache: Cache; cacheSeconds: number; clock: Clock }) {}

  execute(): Promise<LoyaltyOverview> {
    return this.deps.cache.getOrCompute('overview:loyalty', this.deps.cacheSeconds, () => this.compute());
  }

  private async compute(): Promise<LoyaltyOverview> {
    const now = this.deps.clock.now();
    const until = new Date(now.getTime() + 30 * DAY_MS);
    const [row]: { tiers: Record<string, number> | null; outstanding: string; expiring: string }[] = await this.deps.dataSource.query(
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
      [now, until],
    );
    const tiers = row?.tiers ?? {};
    const byTier = TIER_KEYS.map((tier) => ({ tier, members: tiers[tier] ?? 0 }));
    return {
      members: byTier.reduce((sum, t) => sum + t.members, 0),
      byTier,
      pointsOutstanding: Number(row?.outstanding ?? 0),
      pointsExpiringNext30Days: Number(row?.expiring ?? 0),
      asOf: now.toISOString(),
    };
  }
}
