import { createEvent, defineEvent } from '@rekindle/contracts';
import { z } from 'zod';
import { createTestBus, readStream } from './test-bus';

const pingedV1 = defineEvent({ producer: 'segmentation', noun: 'ping', verb: 'sent', version: 1, schema: z.object({ n: z.number() }) });

describe('createTestBus and readStream', () => {
  it('reads back every event of a stream, copies included, and deletes only its own streams', async () => {
    const [bus, neighbour] = await Promise.all([createTestBus('test_bus'), createTestBus('test_bus')]);
    try {
      await Promise.all([bus.ensureStream('segmentation'), neighbour.ensureStream('segmentation')]);
      const events = [0, 1, 2].map((n) => createEvent(pingedV1, { data: { n } }));
      const subject = bus.subjectFor(pingedV1.subject);
      for (const event of events) await bus.js.publish(subject, JSON.stringify(event), { msgID: event.id });
      // A copy under another message id, as a broken producer would send it.
      await bus.js.publish(subject, JSON.stringify(events[0]), { msgID: 'copy' });

      const read = await readStream(bus, 'segmentation', { expected: 3, timeoutMs: 5_000 });
      expect(read.map((e) => e.id)).toEqual([...events, events[0]].map((e) => e?.id));
      const short = await readStream(bus, 'segmentation', { expected: 10, timeoutMs: 300 });
      expect(short).toHaveLength(4);

      await bus.cleanup();
      const names: string[] = [];
      for await (const name of neighbour.jsm.streams.names()) names.push(name);
      expect(names).not.toContain(bus.streamName('segmentation'));
      expect(names).toContain(neighbour.streamName('segmentation'));
    } finally {
      await neighbour.cleanup();
    }
  });
});
