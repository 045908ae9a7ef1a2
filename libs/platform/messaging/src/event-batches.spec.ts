import { batchBySubject, MAX_EVENTS_PER_MESSAGE, MAX_MESSAGE_BYTES } from './event-batches';

const event = (subject: string, n: number, size = 10) => ({ subject, n, json: JSON.stringify({ n, pad: 'x'.repeat(size) }) });

describe('batchBySubject', () => {
  it('puts the events of each subject in one message, in their order, a lone event as itself', () => {
    const events = [event('a', 1), event('b', 2), event('a', 3), event('a', 4)];
    const batches = batchBySubject(events);
    expect(batches.map((b) => [b.subject, b.members.map((m) => m.n)])).toEqual([
      ['a', [1, 3, 4]],
      ['b', [2]],
    ]);
    expect(JSON.parse(batches[0]?.payload as string)).toEqual([1, 3, 4].map((n) => ({ n, pad: 'x'.repeat(10) })));
    expect(batches[1]?.payload).toBe(events[1]?.json);
  });

  it('starts a new message at the event count and byte limits', () => {
    const many = Array.from({ length: MAX_EVENTS_PER_MESSAGE + 1 }, (_, i) => event('a', i));
    expect(batchBySubject(many).map((b) => b.members.length)).toEqual([MAX_EVENTS_PER_MESSAGE, 1]);

    const big = Array.from({ length: 5 }, (_, i) => event('a', i, MAX_MESSAGE_BYTES / 3));
    const batches = batchBySubject(big);
    expect(batches.map((b) => b.members.length)).toEqual([2, 2, 1]);
    for (const batch of batches) expect(batch.payload.length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });

  it('makes nothing of nothing', () => {
    expect(batchBySubject([])).toEqual([]);
  });
});
