import type { ImportEventInput } from './build-events';
import { laneOf, planBatches } from './plan-batches';

// Fixed-width ids: every event has the same JSON size.
const cancel = (i: number, customer: string): ImportEventInput => ({
  eventId: `online-retail:C${String(i).padStart(4, '0')}`,
  customerExternalId: customer,
  type: 'ORDER_CANCELLED',
  occurredAt: new Date(Date.UTC(2011, 0, 1) + i * 60_000).toISOString(),
  orderCancelled: { orderId: `C${String(i).padStart(4, '0')}`, amount: '1' },
});

describe('planBatches', () => {
  const customers = Array.from({ length: 40 }, (_, i) => String(12346 + i));
  const events = Array.from({ length: 1_000 }, (_, i) => cancel(i, customers[(i * 7) % customers.length]!));

  it('keeps each customer in one lane, in time order, and loses or repeats no event', () => {
    const lanes = planBatches(events, { batchSize: 60, maxBatchBytes: 1_000_000, lanes: 3 });
    expect(lanes).toHaveLength(3);
    const flat = lanes.flatMap((lane) => lane.flatMap((b) => b.events));
    expect(flat.map((e) => e.eventId).sort()).toEqual(events.map((e) => e.eventId).sort());
    for (const [n, lane] of lanes.entries()) {
      const laneEvents = lane.flatMap((b) => b.events);
      expect(laneEvents.every((e) => laneOf(e.customerExternalId, 3) === laneOf(laneEvents[0]!.customerExternalId, 3))).toBe(true);
      const times = laneEvents.map((e) => e.occurredAt);
      expect(times).toEqual([...times].sort());
      expect(lane.every((b) => b.events.length <= 60)).toBe(true);
      expect(n).toBeLessThan(3);
    }
  });

  it('bounds a batch by JSON bytes as well as by count', () => {
    const one = Buffer.byteLength(JSON.stringify(events[0])) + 1;
    const lanes = planBatches(events.slice(0, 50), { batchSize: 5_000, maxBatchBytes: one * 10 + 5, lanes: 1 });
    expect(lanes[0]!.map((b) => b.events.length)).toEqual([10, 10, 10, 10, 10]);
    expect(lanes[0]!.every((b) => b.bytes <= one * 10 + 5)).toBe(true);
    // Each event plus its comma: one byte short of the JSON array (its closing bracket).
    expect(lanes[0]![0]!.bytes + 1).toBe(JSON.stringify(events.slice(0, 10)).length);
  });

  it('uses one lane per customer hash, spreading customers over the lanes', () => {
    const used = new Set(customers.map((c) => laneOf(c, 2)));
    expect(used).toEqual(new Set([0, 1]));
    expect(laneOf('17850', 2)).toBe(laneOf('17850', 2));
  });
});
