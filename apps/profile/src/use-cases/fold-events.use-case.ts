import type { Clock } from '@rekindle/platform-config';
import { inTransaction, type DataSource } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import { recordActivity, summariseActivity, type CustomerActivityDelta, type LifecycleThresholds } from '@rekindle/profile-core';
import type { ActivityRepository, ActivityState } from '../data/activity.repository';
import type { EventLogRepository } from '../data/event-log.repository';
import { ProfileLock, tryLockProfile } from '../data/profile-locks';
import type { LifecycleRepository } from '../data/lifecycle.repository';
import { lifecycleChangedEvents, stageChanges } from './lifecycle-transitions';

export interface FoldEventsDeps {
  dataSource: DataSource;
  log: EventLogRepository;
  activity: ActivityRepository;
  lifecycle: LifecycleRepository;
  clock: Clock;
  thresholds: LifecycleThresholds;
  /** Called after a fold that wrote outbox rows (stage changes). */
  onEventsCommitted: () => void;
}

const latest = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Folds recorded events into what the profile keeps of each customer: orders, reversals and
 * complaints, the activity summary, and the lifecycle stage (a change goes to the outbox). One
 * transaction per run of events, which also moves the fold cursor, so each event is folded exactly
 * once; one replica folds at a time (the fold lock), in log order.
 */
export class FoldEventsUseCase {
  constructor(private readonly deps: FoldEventsDeps) {}

  /** Folds up to `limit` events; returns how many it folded (0 when none wait or another replica holds the lock). */
  async foldNext(limit: number): Promise<number> {
    const { dataSource, log, activity, lifecycle, clock, thresholds } = this.deps;
    const folded = await inTransaction(dataSource, async (manager) => {
      if (!(await tryLockProfile(manager, ProfileLock.FOLD))) return { events: 0, changes: 0 };
      const after = await log.position(manager, 'fold');
      const events = await log.readActivity(manager, after, limit);
      const last = events.at(-1);
      if (!last) return { events: 0, changes: 0 };

      await log.foldOrdersAndComplaints(manager, after, last);
      const deltas = new Map(summariseActivity(events).map((d) => [d.customerId, d]));
      const states = await activity.load(manager, [...deltas.keys()]);
      const updated = states.map((state): ActivityState => {
        // Only customers with a delta were loaded.
        const delta = deltas.get(state.customerId) as CustomerActivityDelta;
        const times = recordActivity(
          { firstActivityAt: state.firstActiveAt, lastActivityAt: state.lastActiveAt, reactivatedAt: state.reactivatedAt },
          delta.activityTimes,
          thresholds.reactivationGapDays,
        );
        return {
          ...state,
          firstActiveAt: times.firstActivityAt,
          lastActiveAt: times.lastActivityAt,
          reactivatedAt: times.reactivatedAt,
          lastLoginAt: latest(state.lastLoginAt, delta.lastLoginAt),
          lastOrderAt: latest(state.lastOrderAt, delta.lastOrderAt),
          shares: state.shares + delta.shares,
          socialInteractions: state.socialInteractions + delta.socialInteractions,
        };
      });
      await activity.save(manager, updated);
      const changes = stageChanges(updated, clock.now(), thresholds);
      await lifecycle.saveChanges(manager, changes);
      await appendToOutbox(manager, lifecycleChangedEvents(changes));
      await log.advance(manager, 'fold', last);
      return { events: events.length, changes: changes.length };
    });
    if (folded.changes > 0) this.deps.onEventsCommitted();
    return folded.events;
  }
}
