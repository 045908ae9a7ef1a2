import { LRUCache } from 'lru-cache';
import type { ActivityState } from '../data/activity.repository';
import type { CursorState } from '../data/event-log.repository';

/**
 * The activity state (summary times, counters, stage) the folder last wrote, kept in memory so a
 * fold need not read back what it wrote itself: for a customer active in consecutive folds, that
 * read was the largest part of the fold's database work.
 *
 * It is valid only as long as nobody else wrote that state: it is tied to the fold cursor it left
 * behind, (xid, seq, epoch). Another replica's fold moves the cursor, and every other writer bumps
 * the epoch (lockFoldedState); either way the next lookup finds a cursor it did not leave and drops
 * everything.
 */
export class FoldStateCache {
  private readonly states: LRUCache<string, ActivityState>;
  private leftAt: string | undefined;

  constructor(maxCustomers: number) {
    this.states = new LRUCache({ max: maxCustomers });
  }

  /** The cached states of `customerIds` and the ids to load, given the fold cursor as read under the FOLD lock. */
  lookup(cursor: CursorState, customerIds: readonly string[]): { found: ActivityState[]; missing: string[] } {
    if (stampOf(cursor) !== this.leftAt) {
      this.states.clear();
      this.leftAt = undefined;
    }
    const found: ActivityState[] = [];
    const missing: string[] = [];
    for (const id of customerIds) {
      const state = this.states.get(id);
      if (state) found.push(state);
      else missing.push(id);
    }
    return { found, missing };
  }

  /** After the fold committed: the states as written and the cursor it left. */
  remember(states: readonly ActivityState[], cursor: CursorState): void {
    for (const state of states) this.states.set(state.customerId, state);
    this.leftAt = stampOf(cursor);
  }
}

const stampOf = (cursor: CursorState) => `${cursor.xid}:${cursor.seq}:${cursor.epoch}`;
