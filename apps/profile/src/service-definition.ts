import { defineService } from '@rekindle/platform-subgraph-server';
import { loadProfileConfig } from './config';
import { createProfileService } from './profile-service';

/** The profile subgraph, as main.ts runs it and the test kit starts it. */
export const serviceDefinition = defineService({
  name: 'profile',
  loadConfig: loadProfileConfig,
  create: createProfileService,
  test: {
    // Tests run the jobs themselves, and read counts right after they change them.
    env: { PROFILE_JOBS_INTERVAL_MINUTES: '0', CUSTOMER_COUNT_CACHE_SECONDS: '0' },
    // Recorded events are folded and published in the background.
    settle: (service) => service.drainIngestion(),
  },
});
