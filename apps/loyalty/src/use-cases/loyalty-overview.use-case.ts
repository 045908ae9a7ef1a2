import type { Cache } from '@rekindle/platform-cache';
import type { Clock } from '@rekindle/platform-config';
import type { DataSource } from '@rekindle/platform-database';
import { TIER_KEYS, type TierKey } from '@rekindle/loyalty-core';
import { loadLoyaltyPosition } from '../data/loyalty-overview.query';

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
    const position = await loadLoyaltyPosition(this.deps.dataSource.manager, now, new Date(now.getTime() + 30 * DAY_MS));
    const byTier = TIER_KEYS.map((tier) => ({ tier, members: position.tiers[tier] ?? 0 }));
    return {
      members: byTier.reduce((sum, t) => sum + t.members, 0),
      byTier,
      pointsOutstanding: position.pointsOutstanding,
      pointsExpiringNext30Days: position.pointsExpiring,
      asOf: now.toISOString(),
    };
  }
}
