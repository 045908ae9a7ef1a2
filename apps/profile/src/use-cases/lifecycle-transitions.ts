import { createEvent, lifecycleChangedV1, type CloudEvent } from '@rekindle/contracts';
import { daysInactive, lifecycleStage, type LifecycleThresholds } from '@rekindle/profile-core';
import type { ActivityState } from '../data/activity.repository';
import type { StageChange } from '../data/lifecycle.repository';

/** The stage each customer should be in now, where it differs from the stored one. */
export function stageChanges(states: readonly ActivityState[], now: Date, thresholds: LifecycleThresholds): StageChange[] {
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

export function lifecycleChangedEvents(changes: readonly StageChange[], traceparent?: string): CloudEvent[] {
  return changes.map((c) =>
    createEvent(lifecycleChangedV1, {
      subject: c.customerId,
      time: c.at,
      traceparent,
      data: { customerId: c.customerId, from: c.from, to: c.to, daysInactive: c.daysInactive, changedAt: c.at.toISOString() },
    }),
  );
}
