import { createGraphQLCaller } from '@rekindle/tools-import-online-retail';

interface LoyaltyDemoFigures {
  runLoyaltyJobs: { monthsEvaluated: number; promotions: number; demotions: number; pointsExpired: number };
  loyaltyOverview: { byTier: { tier: string; members: number }[] };
}

/** Runs loyalty's month-end and expiry jobs over the imported history and prints the members per tier. */
export async function runDemoLoyaltyJobs(gatewayUrl: string, print: (line: string) => void): Promise<void> {
  const call = createGraphQLCaller({ url: gatewayUrl, retries: 2, retryDelayMs: 500, timeoutMs: 120_000 });
  const { runLoyaltyJobs: run } = await call<Pick<LoyaltyDemoFigures, 'runLoyaltyJobs'>>(
    'runLoyaltyJobs',
    'mutation { runLoyaltyJobs { monthsEvaluated promotions demotions pointsExpired } }',
  );
  const { loyaltyOverview } = await call<Pick<LoyaltyDemoFigures, 'loyaltyOverview'>>(
    'loyaltyOverview',
    '{ loyaltyOverview { byTier { tier members } } }',
  );
  print(`loyalty: ${run.monthsEvaluated} month ends evaluated, ${run.promotions} promotions, ${run.demotions} demotions, ${run.pointsExpired} points expired`);
  print(`loyalty members per tier: ${loyaltyOverview.byTier.map((t) => `${t.tier} ${t.members.toLocaleString('en')}`).join(', ')}`);
}
