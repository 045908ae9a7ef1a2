import { defineService } from '@rekindle/platform-subgraph-server';
import { loadExperimentConfig } from './config';
import { createExperimentService } from './experiment-service';

/** The experiment subgraph, as main.ts runs it and the test kit starts it. */
export const serviceDefinition = defineService({
  name: 'experiment',
  loadConfig: loadExperimentConfig,
  create: createExperimentService,
  test: {
    // Tests read results right after the conversions that change them.
    env: { RESULTS_CACHE_SECONDS: '0' },
    // A profile event that fails is retried within a test's patience.
    hooks: { consumer: { backoffMs: [50, 100] } },
  },
});
