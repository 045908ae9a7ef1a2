/** The tiers, lowest first. Every customer starts in the lowest; the order is fixed. */
export const TIER_KEYS = ['MEMBER', 'SILVER', 'GOLD', 'PLATINUM'] as const;

export type TierKey = (typeof TIER_KEYS)[number];

/** 0 for MEMBER up to 3 for PLATINUM. Throws for an unknown key. */
export function tierRank(tier: TierKey): number {
  const rank = TIER_KEYS.indexOf(tier);
  if (rank < 0) throw new RangeError(`unknown tier: "${String(tier)}"`);
  return rank;
}

export function isTierKey(value: unknown): value is TierKey {
  return typeof value === 'string' && (TIER_KEYS as readonly string[]).includes(value);
}
