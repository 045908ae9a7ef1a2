import { z } from 'zod';

const days = (fallback: number) =>
  z.coerce
    .number('must be a number of days')
    .int('must be a whole number of days')
    .positive('must be positive')
    .max(36_500, 'must be at most 36500 days')
    .default(fallback);

/**
 * Lifecycle thresholds, in whole days. Values may arrive as strings (environment variables). Besides
 * positive and increasing, the NEW window may not exceed the reactivation gap: a reactivation needs
 * a first activity at least the gap ago, so NEW and REACTIVATED can never apply at once.
 */
export const lifecycleThresholdsSchema = z
  .object({
    /** d >= this: EARLY_DORMANT. Below it: ACTIVE. */
    earlyDormantDays: days(30),
    /** d >= this: DORMANT. */
    dormantDays: days(90),
    /** d >= this: DEEP_DORMANT. */
    deepDormantDays: days(180),
    /** d >= this: SILENT. */
    silentDays: days(365),
    /** NEW while the customer's start is fewer than this many days ago. */
    newWindowDays: days(30),
    /** An activity at least this many days after the previous one is a reactivation. */
    reactivationGapDays: days(90),
    /** REACTIVATED for this many days after the reactivation. */
    reactivatedWindowDays: days(30),
  })
  .strict()
  .refine((t) => t.earlyDormantDays < t.dormantDays && t.dormantDays < t.deepDormantDays && t.deepDormantDays < t.silentDays, {
    message: 'must increase strictly: earlyDormantDays < dormantDays < deepDormantDays < silentDays',
    path: ['dormantDays'],
  })
  .refine((t) => t.newWindowDays <= t.reactivationGapDays, {
    message: 'newWindowDays must not exceed reactivationGapDays',
    path: ['newWindowDays'],
  });

export type LifecycleThresholds = z.output<typeof lifecycleThresholdsSchema>;

export const DEFAULT_LIFECYCLE_THRESHOLDS: LifecycleThresholds = Object.freeze(lifecycleThresholdsSchema.parse({}));
