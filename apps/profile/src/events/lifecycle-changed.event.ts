import { createEvent, lifecycleChangedV1, type CloudEvent } from '@rekindle/contracts';
import type { StageChange } from '@rekindle/profile-core';

/** lifecycle.changed for each stage change. */
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
