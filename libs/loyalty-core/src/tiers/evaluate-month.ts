import type { LoyaltyProgram } from '../program/loyalty-program';
import { LOWEST_TIER, tierAbove, tierBelow, tierOf } from '../program/program-tiers';
import type { TierKey } from '../program/tiers';
import { addMonths, compareMonths, monthEnd, type Month } from '../time/months';
import { consecutiveActiveMonths, inactiveMonthsInTier } from './active-months';

/** Where a customer stands, as the app stores it. */
export interface TierState {
  tier: TierKey;
  /** When the current tier took effect; a month-end change takes effect at monthEnd(month). */
  tierSince: Date;
  /** The last month evaluated ('YYYY-MM'), null before the first evaluation. */
  lastEvaluatedMonth: Month | null;
}

/** A new account: the lowest tier since `startedAt` (use the start of the first month to evaluate). */
export function initialTierState(startedAt: Date): TierState {
  return { tier: LOWEST_TIER, tierSince: startedAt, lastEvaluatedMonth: null };
}

export type TierChange = 'PROMOTED' | 'DEMOTED' | 'UNCHANGED';

/** The rule that fired, for loyalty.tier.changed (from, to, reason). */
export type TierRule =
  | { kind: 'PROMOTION'; from: TierKey; to: TierKey; activeMonths: number; growthValue: number }
  | { kind: 'DEMOTION'; from: TierKey; to: TierKey; inactiveMonths: number };

export interface MonthEvaluation extends TierState {
  month: Month;
  /** The tier before this month end. */
  from: TierKey;
  change: TierChange;
  /** True when the month had already been evaluated: nothing changed. */
  skipped: boolean;
  rule: TierRule | null;
  /** One sentence for people: what fired, or what is still missing. */
  reason: string;
  consecutiveActiveMonths: number;
  inactiveMonthsInTier: number;
  growthLast12Months: number;
}

export interface MonthInput extends TierState {
  /** The month whose end is evaluated; must be complete (evaluateHistory sees to that). */
  month: Month;
  activeMonthsSet: ReadonlySet<Month>;
  /** Growth value over the 12 months ending with `month` (see growthLast12Months). */
  growthLast12Months: number;
  program: LoyaltyProgram;
}

/**
 * The month-end tier rule. At most one step per month end:
 *
 * - PROMOTED one tier when the consecutive active months up to and including `month` reach the next
 *   tier's `activeMonths` and the growth of the last 12 months reaches its `growthValue`. The streak
 *   does not restart on a promotion: 4 active months in a row with 2,000 growth make SILVER at the
 *   third month end and GOLD at the fourth.
 * - DEMOTED one tier when the consecutive inactive months spent in the current tier (see
 *   inactiveMonthsInTier) reach `demotion.inactiveMonths`; never below the lowest tier. After a
 *   demotion the count starts again, so a further drop needs that many more inactive months.
 *   A promotion needs an active month and a demotion an inactive one: both can never fire at once.
 *
 * Idempotent: a month at or before `lastEvaluatedMonth` is skipped and changes nothing. Months must
 * come in order: one after `lastEvaluatedMonth` leaving a gap throws a RangeError.
 */
export function evaluateMonth(input: MonthInput): MonthEvaluation {
  const { tier, tierSince, lastEvaluatedMonth, month, activeMonthsSet, program } = input;
  if (!Number.isSafeInteger(input.growthLast12Months)) throw new RangeError(`growthLast12Months must be a whole number, got ${input.growthLast12Months}`);
  const growth = Math.max(0, input.growthLast12Months);
  const streak = consecutiveActiveMonths(activeMonthsSet, month);
  const inactive = inactiveMonthsInTier(activeMonthsSet, month, tierSince);
  const facts = { month, from: tier, consecutiveActiveMonths: streak, inactiveMonthsInTier: inactive, growthLast12Months: growth };
  const unchanged = (reason: string, skipped = false): MonthEvaluation => ({
    ...facts,
    tier,
    tierSince,
    lastEvaluatedMonth: skipped ? lastEvaluatedMonth : month,
    change: 'UNCHANGED',
    skipped,
    rule: null,
    reason,
  });

  if (lastEvaluatedMonth !== null) {
    const step = compareMonths(month, lastEvaluatedMonth);
    if (step <= 0) return unchanged(`${month} was already evaluated (last evaluated: ${lastEvaluatedMonth})`, true);
    if (step > 1) throw new RangeError(`months are evaluated in order: ${addMonths(lastEvaluatedMonth, 1)} comes before ${month}`);
  }

  const changed = (to: TierKey, rule: TierRule, reason: string): MonthEvaluation => ({
    ...facts,
    tier: to,
    tierSince: monthEnd(month),
    lastEvaluatedMonth: month,
    change: rule.kind === 'PROMOTION' ? 'PROMOTED' : 'DEMOTED',
    skipped: false,
    rule,
    reason,
  });

  const above = tierAbove(tier);
  const promotion = above ? tierOf(program, above).promotion : null;
  if (above && promotion && streak >= promotion.activeMonths && growth >= promotion.growthValue) {
    return changed(
      above,
      { kind: 'PROMOTION', from: tier, to: above, activeMonths: promotion.activeMonths, growthValue: promotion.growthValue },
      `${tier} -> ${above}: ${streak} consecutive active months (needs ${promotion.activeMonths}) and growth ${growth} in the last 12 months (needs ${promotion.growthValue})`,
    );
  }

  const below = tierBelow(tier);
  const required = program.demotion.inactiveMonths;
  if (below && inactive >= required) {
    return changed(below, { kind: 'DEMOTION', from: tier, to: below, inactiveMonths: required }, `${tier} -> ${below}: ${inactive} consecutive inactive months in ${tier} (drops after ${required})`);
  }

  if (!above || !promotion) return unchanged(`${tier} is the top tier; ${inactive} of ${required} inactive months in ${tier}`);
  const missing = [
    streak < promotion.activeMonths ? `${streak} of ${promotion.activeMonths} consecutive active months` : null,
    growth < promotion.growthValue ? `growth ${growth} of ${promotion.growthValue}` : null,
  ].filter((part): part is string => part !== null);
  const demotionNote = below ? `; ${inactive} of ${required} inactive months in ${tier}` : '';
  return unchanged(`${above} needs more: ${missing.join(', ')}${demotionNote}`);
}
