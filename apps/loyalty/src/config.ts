import { z } from 'zod';
import { loadConfig, serviceEnvShape } from '@rekindle/platform-config';

/** The loyalty service's environment (documented in the README's table). */
export const envSchema = z.object({
  ...serviceEnvShape('loyalty', 4005),
  /**
   * How often the service expires points that reached their expiry and evaluates the month ends not
   * yet evaluated (tiers up and down); 0 turns the schedule off (runLoyaltyJobs still runs them).
   */
  LOYALTY_JOBS_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(1440),
  /** Accounts per transaction in the population jobs. */
  LOYALTY_JOBS_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** How long `loyaltyOverview` is cached; 0 computes it on every call. */
  LOYALTY_OVERVIEW_CACHE_SECONDS: z.coerce.number().int().min(0).default(10),
});

export type LoyaltyConfig = z.infer<typeof envSchema>;

export function loadLoyaltyConfig(env: NodeJS.ProcessEnv = process.env): LoyaltyConfig {
  return loadConfig(envSchema, env);
}
