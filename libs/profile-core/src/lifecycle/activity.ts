import { elapsedDays } from './lifecycle-stage';
import { DEFAULT_LIFECYCLE_THRESHOLDS } from './thresholds';

/**
 * True when `activityAt` ends a gap of at least `gapDays` whole days after the previous last
 * activity. The first activity ever recorded is never a reactivation (tracking may simply have
 * started late), and an activity at or before the previous one (arriving out of order) is not either.
 */
export function isReactivation(
  previousLastActivityAt: Date | null,
  activityAt: Date,
  gapDays: number = DEFAULT_LIFECYCLE_THRESHOLDS.reactivationGapDays,
): boolean {
  return previousLastActivityAt !== null && activityAt > previousLastActivityAt && elapsedDays(previousLastActivityAt, activityAt) >= gapDays;
}

export interface ActivityTimes {
  firstActivityAt: Date | null;
  lastActivityAt: Date | null;
  reactivatedAt: Date | null;
}

/**
 * Folds the times of newly accepted activity (any order) into a customer's activity times, in time
 * order, so a batch holding both sides of a gap still records the reactivation. The specification
 * of the profile's fold in SQL (EventFoldQuery), held to it by activity-fold.int-spec. An event older
 * than the last activity can only move firstActivityAt back: never lastActivityAt, never a
 * reactivation. It does not undo a reactivation already recorded either (that change was already
 * announced).
 */
export function recordActivity(
  current: ActivityTimes,
  activityTimes: readonly Date[],
  gapDays: number = DEFAULT_LIFECYCLE_THRESHOLDS.reactivationGapDays,
): ActivityTimes {
  let { firstActivityAt, lastActivityAt, reactivatedAt } = current;
  for (const at of [...activityTimes].sort((a, b) => a.getTime() - b.getTime())) {
    if (firstActivityAt === null || at < firstActivityAt) firstActivityAt = at;
    if (lastActivityAt !== null && at <= lastActivityAt) continue;
    if (isReactivation(lastActivityAt, at, gapDays)) reactivatedAt = at;
    lastActivityAt = at;
  }
  return { firstActivityAt, lastActivityAt, reactivatedAt };
}
