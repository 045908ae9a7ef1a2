import type { ImportEventInput } from './build-events';

export interface EventBatch {
  events: ImportEventInput[];
  /** Bytes of the events' JSON (the body adds the query text and a few brackets). */
  bytes: number;
}

export interface BatchPlanOptions {
  /** Events per batch at most. */
  batchSize: number;
  /** JSON bytes of one batch's events at most (an event bigger than this alone gets a batch of its own). */
  maxBatchBytes: number;
  /** Number of lanes sent side by side. */
  lanes: number;
}

/** FNV-1a: a cheap, stable hash, so a customer always lands in the same lane. */
export function laneOf(customerExternalId: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < customerExternalId.length; i += 1) {
    hash ^= customerExternalId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % lanes;
}

/**
 * Splits events (already in time order) into lanes by customer, then each lane into batches bounded
 * by count and by JSON size. Lanes are sent side by side and each lane's batches one after another,
 * so every customer's events reach the service in time order (its lifecycle logic, REACTIVATED in
 * particular, reads a gap from the previous activity), and two calls in flight never wait on each
 * other's customer locks.
 */
export function planBatches(events: readonly ImportEventInput[], options: BatchPlanOptions): EventBatch[][] {
  const lanes: EventBatch[][] = Array.from({ length: options.lanes }, () => []);
  for (const event of events) {
    const lane = lanes[laneOf(event.customerExternalId, options.lanes)] ?? [];
    const bytes = Buffer.byteLength(JSON.stringify(event)) + 1;
    let batch = lane.at(-1);
    if (!batch || batch.events.length >= options.batchSize || batch.bytes + bytes > options.maxBatchBytes) {
      batch = { events: [], bytes: 0 };
      lane.push(batch);
    }
    batch.events.push(event);
    batch.bytes += bytes;
  }
  return lanes.filter((lane) => lane.length > 0);
}
