import { defineService } from '@rekindle/platform-subgraph-server';
import { loadLoyaltyConfig } from './config';
import { createLoyaltyService } from './loyalty-service';

/** The loyalty subgraph, as main.ts runs it and the test kit starts it. */
export const serviceDefinition = defineService({
  name: 'loyalty',
  loadConfig: loadLoyaltyConfig,
  create: createLoyaltyService,
  test: {
    // Tests run the jobs themselves, and read the overview right after they change it.
    env: { LOYALTY_JOBS_INTERVAL_MINUTES: '0', LOYALTY_OVERVIEW_CACHE_SECONDS: '0' },
    // A profile event that fails is retried within a test's patience.
    hooks: { consumer: { ackWaitMs: 2_000, backoffMs: [50, 200] } },
  },
});
