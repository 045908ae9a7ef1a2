import type { LoyaltyProgram, LoyaltyTier, Privilege } from './loyalty-program';
import { TIER_KEYS, tierRank, type TierKey } from './tiers';

/** The programme's entry for `tier`. */
export function tierOf(program: LoyaltyProgram, tier: TierKey): LoyaltyTier {
  const entry = program.tiers[tierRank(tier)];
  if (!entry || entry.key !== tier) throw new RangeError(`the programme has no tier ${tier} in its place`);
  return entry;
}

export const LOWEST_TIER: TierKey = TIER_KEYS[0];

/** The tier above `tier`, or null at the top. */
export function tierAbove(tier: TierKey): TierKey | null {
  return TIER_KEYS[tierRank(tier) + 1] ?? null;
}

/** The tier below `tier`, or null at the bottom. */
export function tierBelow(tier: TierKey): TierKey | null {
  const rank = tierRank(tier);
  return rank === 0 ? null : (TIER_KEYS[rank - 1] ?? null);
}

/**
 * What a member of `tier` enjoys: the privileges of every tier up to and including theirs (a Gold
 * member keeps the Silver discount). Where two tiers list the same key, the higher tier's entry
 * replaces the lower one's, in the lower one's place; lowest tier's privileges first.
 */
export function privilegesFor(tier: TierKey, program: LoyaltyProgram): Privilege[] {
  const byKey = new Map<string, Privilege>();
  for (const entry of program.tiers.slice(0, tierRank(tier) + 1)) {
    for (const privilege of entry.privileges) byKey.set(privilege.key, privilege);
  }
  return [...byKey.values()];
}
