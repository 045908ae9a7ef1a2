import type { EventBatch } from './plan-batches';
import type { RecordEventsResult } from './profile-api';

export interface RejectionNote {
  eventId: string;
  code: string;
  field: string;
  message: string;
}

export interface SendOutcome {
  /** Events handed to recordEvents in calls that answered. */
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first few rejections, by eventId. */
  firstRejections: RejectionNote[];
  /** Customers the service created because an event named them (0 when customers were upserted first). */
  customersCreated: number;
  /** Calls that failed after their retries; sending stops at the first. */
  failures: string[];
  /** Events never sent because sending stopped. */
  unsent: number;
  calls: number;
  elapsedMs: number;
}

export interface SendOptions {
  recordEvents: (events: EventBatch['events']) => Promise<RecordEventsResult>;
  /** Called after each answered call, with the running outcome. */
  onBatch?: (outcome: SendOutcome) => void;
  now?: () => number;
  /** Rejections kept for the report. */
  keepRejections?: number;
}

/**
 * Sends the lanes side by side, each lane's batches one after another. A call that fails after its
 * retries stops every lane (the service is unwell; a rerun finishes the job, duplicates and all).
 */
/** An outcome with nothing sent yet. */
export const emptyOutcome = (): SendOutcome => ({
  sent: 0,
  accepted: 0,
  duplicates: 0,
  rejected: 0,
  firstRejections: [],
  customersCreated: 0,
  failures: [],
  unsent: 0,
  calls: 0,
  elapsedMs: 0,
});

export async function sendEventBatches(lanes: readonly EventBatch[][], options: SendOptions): Promise<SendOutcome> {
  const now = options.now ?? Date.now;
  const keep = options.keepRejections ?? 5;
  const started = now();
  const outcome = emptyOutcome();
  let stopped = false;

  async function runLane(lane: readonly EventBatch[]): Promise<void> {
    for (const [i, batch] of lane.entries()) {
      if (stopped) {
        outcome.unsent += lane.slice(i).reduce((n, b) => n + b.events.length, 0);
        return;
      }
      try {
        const result = await options.recordEvents(batch.events);
        outcome.calls += 1;
        outcome.sent += batch.events.length;
        outcome.accepted += result.accepted;
        outcome.duplicates += result.duplicates;
        outcome.customersCreated += result.customersCreated;
        outcome.rejected += result.rejected.length;
        for (const r of result.rejected.slice(0, Math.max(0, keep - outcome.firstRejections.length))) {
          outcome.firstRejections.push({ eventId: batch.events[r.index]?.eventId ?? `#${r.index}`, code: r.code, field: r.field, message: r.message });
        }
      } catch (error) {
        stopped = true;
        outcome.failures.push((error as Error).message);
        outcome.unsent += lane.slice(i).reduce((n, b) => n + b.events.length, 0);
        return;
      }
      outcome.elapsedMs = now() - started;
      options.onBatch?.(outcome);
    }
  }

  await Promise.all(lanes.map(runLane));
  outcome.elapsedMs = now() - started;
  return outcome;
}
