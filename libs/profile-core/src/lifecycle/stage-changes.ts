import { daysInactive, lifecycleStage, type LifecycleStage } from './lifecycle-stage';
import type { LifecycleThresholds } from './thresholds';

/** A customer's activity times and stored stage (null: none stored yet). */
export interface CustomerStageState {
  customerId: string;
  firstActiveAt: Date | null;
  lastActiveAt: Date | null;
  reactivatedAt: Date | null;
  signedUpAt: Date | null;
  firstSeenAt: Date;
  stage: LifecycleStage | null;
}

/** A customer's move to another lifecycle stage, at `at`. */
export interface StageChange {
  customerId: string;
  from: LifecycleStage | null;
  to: LifecycleStage;
  daysInactive: number;
  at: Date;
}

/** The stage each customer should be in at `now`, where it differs from the stored one. */
export function stageChanges(states: readonly CustomerStageState[], now: Date, thresholds: LifecycleThresholds): StageChange[] {
  return states.flatMap((s) => {
    const to = lifecycleStage(
      {
        now,
        lastActivityAt: s.lastActiveAt,
        firstActivityAt: s.firstActiveAt,
        signedUpAt: s.signedUpAt,
        firstSeenAt: s.firstSeenAt,
        reactivatedAt: s.reactivatedAt,
      },
      thresholds,
    );
    if (to === s.stage) return [];
    return [{ customerId: s.customerId, from: s.stage, to, daysInactive: daysInactive(s.lastActiveAt, s.signedUpAt, s.firstSeenAt, now), at: now }];
  });
}
