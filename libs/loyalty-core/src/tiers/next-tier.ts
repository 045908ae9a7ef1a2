import type { LoyaltyProgram } from '../program/loyalty-program';
import { tierAbove, tierBelow, tierOf } from '../program/program-tiers';
import type { TierKey } from '../program/tiers';
import { addMonths, monthEnd, monthOf, monthStart, monthsBetween, type Month } from '../time/months';
import { consecutiveActiveMonths, inactiveMonthsInTier } from './active-months';

export interface NextTier {
  tier: TierKey;
  /** Further active months needed, the current month included when it has no activity yet. */
  monthsMissing: number;
  /** Growth value still missing in the current 12-month window. */
  growthMissing: number;
  activeMonthsRequired: number;
  growthRequired: number;
  consecutiveActiveMonths: number;
}

/**
 * "You are N months / X growth from Gold", at `now`. The current month counts once it holds an
 * activity: with it active, monthsMissing = required − streak up to this month; without, the
 * customer still needs this month too, so monthsMissing = max(1, required − streak up to last
 * month). 0 and 0 means the promotion happens at this month's end. `growthLast12Months` is the
 * window that will be judged then: the current month and the 11 before it. Old spending leaves the
 * window as it slides, so growthMissing can grow again. Null at the top tier.
 */
export function nextTier(input: {
  tier: TierKey;
  activeMonthsSet: ReadonlySet<Month>;
  growthLast12Months: number;
  now: Date;
  program: LoyaltyProgram;
}): NextTier | null {
  const above = tierAbove(input.tier);
  const rule = above ? tierOf(input.program, above).promotion : null;
  if (!above || !rule) return null;
  const current = monthOf(input.now);
  const activeNow = input.activeMonthsSet.has(current);
  const streak = consecutiveActiveMonths(input.activeMonthsSet, activeNow ? current : addMonths(current, -1));
  return {
    tier: above,
    monthsMissing: activeNow ? Math.max(0, rule.activeMonths - streak) : Math.max(1, rule.activeMonths - streak),
    growthMissing: Math.max(0, rule.growthValue - Math.max(0, input.growthLast12Months)),
    activeMonthsRequired: rule.activeMonths,
    growthRequired: rule.growthValue,
    consecutiveActiveMonths: streak,
  };
}

export interface DemotionOutlook {
  /** The tier the customer would drop to. */
  tier: TierKey;
  /** The month whose end drops them, and that end (first instant of the month after). */
  month: Month;
  at: Date;
}

/**
 * "Your Silver status lapses next month": if the customer has no activity from `now` on, the month
 * end at which the demotion rule drops them one tier. An activity this month puts it off (the count
 * restarts). Null in the lowest tier.
 */
export function demotionOutlook(input: {
  tier: TierKey;
  tierSince: Date;
  activeMonthsSet: ReadonlySet<Month>;
  now: Date;
  program: LoyaltyProgram;
}): DemotionOutlook | null {
  const below = tierBelow(input.tier);
  if (!below) return null;
  const required = input.program.demotion.inactiveMonths;
  const current = monthOf(input.now);
  let count = inactiveMonthsInTier(input.activeMonthsSet, addMonths(current, -1), input.tierSince);
  const limit = addMonths(current, required + Math.max(0, monthsBetween(current, monthOf(input.tierSince))) + 1);
  for (let month = current; monthsBetween(month, limit) >= 0; month = addMonths(month, 1)) {
    if (month === current && input.activeMonthsSet.has(month)) count = 0;
    else if (monthStart(month) >= input.tierSince) count++;
    if (count >= required) return { tier: below, month, at: monthEnd(month) };
  }
  throw new Error('unreachable: a demotion month always exists within the bound');
}
