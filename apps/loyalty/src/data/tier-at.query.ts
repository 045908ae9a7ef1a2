import type { EntityManager } from '@rekindle/platform-database';
import { evaluateHistory, LOWEST_TIER, monthEnd, type LoyaltyProgram, type TierKey } from '@rekindle/loyalty-core';
import { tierStateOf, type LoyaltyAccountModel } from './account.repository';
import type { LoyaltyRepositories } from './repositories';

/**
 * The tier `account` held at `at` (an order's time), whose multiplier that order earns with:
 * - inside the months already evaluated, the tier the change history says;
 * - after them, the tier the month ends between the last evaluation and `at` lead to, worked out
 *   from the activity and growth known now, without storing anything (the month-end job does that).
 */
export async function tierAt(
  manager: EntityManager,
  repos: Pick<LoyaltyRepositories, 'activity' | 'tierChanges'>,
  account: LoyaltyAccountModel,
  at: Date,
  program: LoyaltyProgram,
): Promise<TierKey> {
  if (account.lastEvaluatedMonth !== null && at < monthEnd(account.lastEvaluatedMonth)) {
    return (await repos.tierChanges.tierAt(manager, account.customerId, at)) ?? LOWEST_TIER;
  }
  const active = (await repos.activity.activeMonthsOf(manager, [account.customerId])).get(account.customerId) ?? new Set<string>();
  const growth = (await repos.activity.growthOf(manager, [account.customerId])).get(account.customerId) ?? new Map<string, number>();
  return evaluateHistory({
    ...tierStateOf(account),
    startMonth: account.startMonth,
    now: at,
    activeMonthsSet: active,
    growthByMonth: growth,
    program,
  }).tier;
}
