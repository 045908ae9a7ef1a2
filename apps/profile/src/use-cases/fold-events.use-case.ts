import type { Clock } from '@rekindle/platform-config';
import { inTransaction, tryLockForTransaction, type DataSource } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import type { EventFoldQuery } from '../data/event-fold.query';
import type { EventLogRepository } from '../data/event-log.repository';
import { ProfileLock } from '../data/profile-locks';
import { lifecycleChangedEvents } from '../events/lifecycle-changed.event';

export interface FoldEventsDeps {
  dataSource: DataSource;
  log: EventLogRepository;
  fold: EventFoldQuery;
  clock: Clock;
  /** Called after a fold that wrote outbox rows (stage changes). */
  onEventsCommitted: () => void;
}

/**
 * Folds recorded events into what the profile keeps of each customer: orders, reversals and
 * complaints, the activity summary, and the lifecycle stage (a change goes to the outbox). One
 * statement (EventFoldQuery) and one transaction per run of events, which also moves the fold
 * cursor, so each event is folded exactly once; one replica folds at a time (the fold lock), in log
 * order.
 */
export class FoldEventsUseCase {
  constructor(private readonly deps: FoldEventsDeps) {}

  /** Folds up to `limit` events; returns how many it folded (0 when none wait or another replica holds the lock). */
  async foldNext(limit: number): Promise<number> {
    const { dataSource, log, fold, clock } = this.deps;
    const folded = await inTransaction(dataSource, async (manager) => {
      if (!(await tryLockForTransaction(manager, ProfileLock.FOLD))) return { events: 0, changes: 0 };
      const result = await fold.foldNext(manager, await log.position(manager, 'fold'), limit, clock.now());
      if (!result) return { events: 0, changes: 0 };
      await appendToOutbox(manager, lifecycleChangedEvents(result.changes));
      await log.advance(manager, 'fold', result.last);
      return { events: result.events, changes: result.changes.length };
    });
    if (folded.changes > 0) this.deps.onEventsCommitted();
    return folded.events;
  }
}
