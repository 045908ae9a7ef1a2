import { growthLast12Months } from '../earning/growth';
import type { LoyaltyProgram } from '../program/loyalty-program';
import { addMonths, compareMonths, monthOf, type Month } from '../time/months';
import { evaluateMonth, type MonthEvaluation, type TierState } from './evaluate-month';

export interface HistoryInput extends TierState {
  /** The first month to evaluate when nothing has been evaluated yet (lastEvaluatedMonth null). */
  startMonth: Month;
  now: Date;
  activeMonthsSet: ReadonlySet<Month>;
  /** Net growth per month, dated by the order's month (see growthByMonth). */
  growthByMonth: ReadonlyMap<Month, number>;
  program: LoyaltyProgram;
}

export interface HistoryResult extends TierState {
  /** One per month evaluated, in order. */
  evaluations: MonthEvaluation[];
  /** The evaluations that changed the tier, in order: one loyalty.tier.changed event each. */
  changes: MonthEvaluation[];
}

/** The last complete month at `now`: a month is complete from its end (the first instant of the next) on. */
export function lastCompleteMonth(now: Date): Month {
  return addMonths(monthOf(now), -1);
}

/**
 * Evaluates every complete month not yet evaluated, in order: from the month after
 * `lastEvaluatedMonth` (or from `startMonth` for a fresh account) to the last complete month before
 * `now`. Idempotent: run again with its result and the same `now`, it evaluates nothing; run with a
 * later `now`, it carries on where it stopped, and the outcome equals one run over the whole span.
 */
export function evaluateHistory(input: HistoryInput): HistoryResult {
  const { activeMonthsSet, growthByMonth, program } = input;
  let state: TierState = { tier: input.tier, tierSince: input.tierSince, lastEvaluatedMonth: input.lastEvaluatedMonth };
  const evaluations: MonthEvaluation[] = [];
  const until = lastCompleteMonth(input.now);
  let month = state.lastEvaluatedMonth === null ? input.startMonth : addMonths(state.lastEvaluatedMonth, 1);
  for (; compareMonths(month, until) <= 0; month = addMonths(month, 1)) {
    const evaluation = evaluateMonth({ ...state, month, activeMonthsSet, growthLast12Months: growthLast12Months(growthByMonth, month), program });
    evaluations.push(evaluation);
    state = { tier: evaluation.tier, tierSince: evaluation.tierSince, lastEvaluatedMonth: evaluation.lastEvaluatedMonth };
  }
  return { ...state, evaluations, changes: evaluations.filter((e) => e.change !== 'UNCHANGED') };
}
