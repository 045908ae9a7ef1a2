import { postGraphQL } from '@rekindle/platform-testing';
import type { RunLoyaltyJobsResult } from '../use-cases/run-loyalty-jobs.use-case';

/** rekindle_events_consumed_total of loyalty's consumer for one outcome, read from the service's /metrics. */
export async function consumedEvents(graphqlUrl: string, outcome: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith('rekindle_events_consumed_total{') && l.includes(`outcome="${outcome}"`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

export const ACCOUNT_FIELDS = `
  id tier tierSince lastEvaluatedMonth points growthValue lifetimeGrowthValue
  pointsExpiringNext { points date }
  nextTier { tier monthsMissing growthMissing activeMonthsRequired growthRequired consecutiveActiveMonths }
  demotion { tier month at }
  privileges { key description value }`;

export interface AccountView {
  id: string;
  tier: string;
  tierSince: string;
  lastEvaluatedMonth: string | null;
  points: number;
  growthValue: number;
  lifetimeGrowthValue: number;
  pointsExpiringNext: { points: number; date: string } | null;
  nextTier: { tier: string; monthsMissing: number; growthMissing: number } | null;
  demotion: { tier: string; month: string; at: string } | null;
  privileges: { key: string; description: string; value: string | null }[];
}

export interface LedgerView {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; type: string; points: number; orderId: string | null; shortfall: number | null; occurredAt: string } }[];
}

/** The account with its first ledger page, straight from the loyalty subgraph. */
export async function readAccount(url: string, customerId: string): Promise<(AccountView & { ledger: LedgerView }) | null> {
  const result = await postGraphQL<{ loyaltyAccount: (AccountView & { ledger: LedgerView }) | null }>(
    url,
    `query($id: ID!) { loyaltyAccount(customerId: $id) { ${ACCOUNT_FIELDS}
      ledger(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type points orderId shortfall occurredAt } } } } }`,
    { id: customerId },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data?.loyaltyAccount ?? null;
}

export const RUN_JOBS = `mutation { runLoyaltyJobs { ran evaluatedThrough accountsEvaluated monthsEvaluated promotions demotions
  customersWithExpiredPoints pointsExpired eventsPending tookMs } }`;

export interface RunJobsView {
  runLoyaltyJobs: RunLoyaltyJobsResult;
}

export const REDEEM = `mutation($input: RedeemPointsInput!) { redeemPoints(input: $input) { balance replayed entry { id type points reason idempotencyKey } account { points } } }`;
export const ADJUST = `mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { balance replayed entry { id type points expiresAt } account { points } } }`;

export interface MovementView {
  balance: number;
  replayed: boolean;
  entry: { id: string; type: string; points: number };
  account: { points: number };
}
