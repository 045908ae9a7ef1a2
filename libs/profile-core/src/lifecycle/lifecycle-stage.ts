import { DEFAULT_LIFECYCLE_THRESHOLDS, type LifecycleThresholds } from './thresholds';

export const LIFECYCLE_STAGES = ['NEW', 'ACTIVE', 'REACTIVATED', 'EARLY_DORMANT', 'DORMANT', 'DEEP_DORMANT', 'SILENT'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`: floor of the elapsed milliseconds / 86,400,000 (negative when `to` is earlier). */
export function elapsedDays(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

/**
 * Whole days since the customer's last activity of any kind, or since signup when there is none,
 * or since the customer was first seen. Never negative: activity stamped slightly ahead of `now`
 * (ingestion allows 5 minutes of clock skew) counts as today.
 */
export function daysInactive(lastActivityAt: Date | null, signedUpAt: Date | null, firstSeenAt: Date, now: Date): number {
  return Math.max(0, elapsedDays(lastActivityAt ?? signedUpAt ?? firstSeenAt, now));
}

export interface LifecycleFacts {
  now: Date;
  lastActivityAt: Date | null;
  firstActivityAt: Date | null;
  signedUpAt: Date | null;
  /** When Rekindle first stored the customer; never null. */
  firstSeenAt: Date;
  /** The latest activity that ended a gap of `reactivationGapDays` or more. */
  reactivatedAt: Date | null;
}

/**
 * The customer's start is the EARLIEST of first activity, signup and first seen, so that a
 * customer who signed up years before tracking began is not NEW (nor is one whose history is
 * imported: their first activity predates their first-seen time).
 */
export function customerStart(facts: Pick<LifecycleFacts, 'firstActivityAt' | 'signedUpAt' | 'firstSeenAt'>): Date {
  const known = [facts.firstActivityAt, facts.signedUpAt, facts.firstSeenAt].filter((d): d is Date => d !== null);
  return new Date(Math.min(...known.map((d) => d.getTime())));
}

/**
 * Precedence, first match wins:
 *   1. NEW          the customer's start is fewer than newWindowDays ago;
 *   2. REACTIVATED  reactivatedAt is fewer than reactivatedWindowDays ago (day 0 included);
 *   3. by d = daysInactive: ACTIVE d < 30, EARLY_DORMANT < 90, DORMANT < 180, DEEP_DORMANT < 365, else SILENT.
 * NEW and REACTIVATED cannot both hold for consistent data: a reactivation ends a gap of at least
 * reactivationGapDays after an earlier activity, so the customer is at least that old, and the
 * thresholds schema keeps newWindowDays <= reactivationGapDays. NEW goes first all the same, so
 * a customer younger than the NEW window is never reported REACTIVATED.
 */
export function lifecycleStage(facts: LifecycleFacts, thresholds: LifecycleThresholds = DEFAULT_LIFECYCLE_THRESHOLDS): LifecycleStage {
  const { now } = facts;
  if (elapsedDays(customerStart(facts), now) < thresholds.newWindowDays) return 'NEW';
  if (facts.reactivatedAt && elapsedDays(facts.reactivatedAt, now) < thresholds.reactivatedWindowDays) return 'REACTIVATED';
  const d = daysInactive(facts.lastActivityAt, facts.signedUpAt, facts.firstSeenAt, now);
  if (d < thresholds.earlyDormantDays) return 'ACTIVE';
  if (d < thresholds.dormantDays) return 'EARLY_DORMANT';
  if (d < thresholds.deepDormantDays) return 'DORMANT';
  if (d < thresholds.silentDays) return 'DEEP_DORMANT';
  return 'SILENT';
}
