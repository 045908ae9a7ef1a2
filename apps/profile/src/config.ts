import { z } from 'zod';
import { loadConfig, serviceEnvShape } from '@rekindle/platform-config';
import { lifecycleThresholdsSchema, type LifecycleThresholds } from '@rekindle/profile-core';

const days = (fallback: number) => z.coerce.number().int().positive().max(36_500).default(fallback);

/** The profile service's environment (documented in the README's table). */
export const envSchema = z.object({
  ...serviceEnvShape('profile', 4001),
  CUSTOMER_COUNT_CACHE_SECONDS: z.coerce.number().int().min(0).default(10),
  LIFECYCLE_EARLY_DORMANT_DAYS: days(30),
  LIFECYCLE_DORMANT_DAYS: days(90),
  LIFECYCLE_DEEP_DORMANT_DAYS: days(180),
  LIFECYCLE_SILENT_DAYS: days(365),
  LIFECYCLE_NEW_DAYS: days(30),
  LIFECYCLE_REACTIVATION_GAP_DAYS: days(90),
  LIFECYCLE_REACTIVATED_DAYS: days(30),
  RFM_WINDOW_DAYS: days(365),
  /** How often the service rescores RFM and moves stages by time; 0 turns the schedule off. */
  PROFILE_JOBS_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(1440),
  /**
   * Whether this process folds and publishes recorded events in the background. Off for API
   * replicas when a separate worker deployment (the same image, on) does it; any number of workers
   * may run, one works at a time.
   */
  PROFILE_EVENT_WORKER: z.stringbool().default(true),
  /** How many externalId → id pairs recordEvents keeps in memory, sparing it a lookup per call (their size: apps/profile/README.md). */
  CUSTOMER_ID_CACHE_SIZE: z.coerce.number().int().min(1).default(100_000),
  /** How many recorded events the folder takes into profiles per transaction. */
  INGEST_FOLD_BATCH: z.coerce.number().int().min(1).max(100_000).default(50_000),
  /**
   * How long recorded events gather before the next fold once the folder has caught up: a fold
   * costs per customer, and a customer's several events in one fold cost one update.
   */
  INGEST_FOLD_GATHER_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /** How many recorded events the publisher sends to JetStream per round of PubAcks. */
  INGEST_PUBLISH_BATCH: z.coerce.number().int().min(1).max(20_000).default(2_000),
});

export type ProfileEnv = z.infer<typeof envSchema>;
export type ProfileConfig = ProfileEnv & { lifecycleThresholds: LifecycleThresholds };

export function loadProfileConfig(env: NodeJS.ProcessEnv = process.env): ProfileConfig {
  const config = loadConfig(envSchema, env);
  const thresholds = lifecycleThresholdsSchema.safeParse({
    earlyDormantDays: config.LIFECYCLE_EARLY_DORMANT_DAYS,
    dormantDays: config.LIFECYCLE_DORMANT_DAYS,
    deepDormantDays: config.LIFECYCLE_DEEP_DORMANT_DAYS,
    silentDays: config.LIFECYCLE_SILENT_DAYS,
    newWindowDays: config.LIFECYCLE_NEW_DAYS,
    reactivationGapDays: config.LIFECYCLE_REACTIVATION_GAP_DAYS,
    reactivatedWindowDays: config.LIFECYCLE_REACTIVATED_DAYS,
  });
  if (!thresholds.success) {
    throw new Error(`Invalid environment: LIFECYCLE_* thresholds ${thresholds.error.issues.map((i) => i.message).join('; ')}`);
  }
  return { ...config, lifecycleThresholds: thresholds.data };
}
