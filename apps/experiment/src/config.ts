import { z } from 'zod';
import { loadConfig, serviceEnvShape } from '@rekindle/platform-config';

/** The experiment service's environment (documented in the README's table). */
export const envSchema = z.object({
  ...serviceEnvShape('experiment', 4006),
  /** How long `Experiment.results` is cached; 0 computes it on every request. */
  RESULTS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** Deliveries of a profile event before it lands in dead_letter. */
  CONVERSIONS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
});

export type ExperimentConfig = z.infer<typeof envSchema>;

export const loadExperimentConfig = (env: NodeJS.ProcessEnv = process.env): ExperimentConfig => loadConfig(envSchema, env);
