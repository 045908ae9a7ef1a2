import type { CloudEvent } from '@rekindle/contracts';
import { createTestBus, readStream, startPrivateNatsServer, testEnv, waitFor, type TestBus } from '@rekindle/platform-testing';
import { createBatchPublisher, type BatchPublisher, type OutgoingMessage, type PublishOutcome } from './batch-publisher';
import { connectBus } from './bus';
import { silentLogger, widgets } from './test-fixtures';

jest.setTimeout(20_000);

const messagesOf = (bus: TestBus, events: CloudEvent[]): OutgoingMessage[] =>
  events.map((event) => ({ subject: bus.subjectFor('profile.widget.made.v1'), payload: JSON.stringify(event), msgId: event.id }));

const failures = (outcomes: PublishOutcome[]): Error[] => outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));

describe('createBatchPublisher', () => {
  let bus: TestBus;
  let publisher: BatchPublisher;

  beforeAll(async () => {
    bus = await createTestBus('batch_publisher');
    await bus.ensureStream('profile');
    publisher = createBatchPublisher(bus);
  });
  afterAll(async () => {
    publisher.close();
    await bus.cleanup();
  });

  const stream = () => bus.streamName('profile');
  const lastSeq = async () => (await bus.jsm.streams.info(stream())).state.last_seq;

  it('stores every message of a batch once, in order, with its headers', async () => {
    const before = await lastSeq();
    const events = widgets(300);
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const messages = messagesOf(bus, events).map((message, i) => (i === 7 ? { ...message, traceparent } : message));

    const outcomes = await publisher.publish(messages);

    expect(outcomes).toEqual(events.map((_, i) => ({ ok: true, seq: before + i + 1, duplicate: false })));
    const stored = await readStream(bus, 'profile', { expected: before + 300, timeoutMs: 5_000 });
    expect(stored.slice(before).map((e) => e.id)).toEqual(events.map((e) => e.id));
    const seventh = await bus.jsm.streams.getMessage(stream(), { seq: before + 8 });
    expect(seventh.header.get('Nats-Msg-Id')).toBe(events[7]?.id);
    expect(seventh.header.get('Content-Type')).toBe('application/cloudevents+json');
    expect(seventh.header.get('traceparent')).toBe(traceparent);
  });

  it('reports a repeated msgId as a duplicate of the stored message and stores it once', async () => {
    const before = await lastSeq();
    const [event] = widgets(1);
    const [message] = messagesOf(bus, [event as CloudEvent]) as [OutgoingMessage];

    const within = await publisher.publish([message, message]);
    const later = await publisher.publish([message]);

    const seq = before + 1;
    expect(within).toEqual([
      { ok: true, seq, duplicate: false },
      { ok: true, seq, duplicate: true },
    ]);
    expect(later).toEqual([{ ok: true, seq, duplicate: true }]);
    expect(await lastSeq()).toBe(seq);
  });

  it('fails a message whose subject no stream captures, and only that one', async () => {
    const [stored, lost] = messagesOf(bus, widgets(2)) as [OutgoingMessage, OutgoingMessage];
    const nowhere = { ...lost, subject: bus.subjectFor('nowhere.widget.made.v1') };

    const [first, second] = await publisher.publish([stored, nowhere]);

    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(second).toEqual({ ok: false, error: expect.any(Error) });
    expect(failures([second as PublishOutcome])[0]?.message).toBe(
      `JetStream did not store ${nowhere.subject}: no JetStream stream captures the subject`,
    );
  });

  it("fails a message the stream refuses, with JetStream's reason", async () => {
    await bus.jsm.streams.add({ name: bus.streamName('small'), subjects: [bus.subjectFor('small.>')], max_msg_size: 16 });
    const [message] = messagesOf(bus, widgets(1)) as [OutgoingMessage];
    const subject = bus.subjectFor('small.widget.made.v1');

    const outcomes = await publisher.publish([{ ...message, subject }]);

    expect(failures(outcomes).map((error) => error.message)).toEqual([
      `JetStream did not store ${subject}: message size exceeds maximum allowed (code 400, err_code 10054)`,
    ]);
  });

  it('gives each of several concurrent batches the outcomes of its own messages', async () => {
    await bus.ensureStream('loyalty');
    const batches = Array.from({ length: 6 }, (_, b) => {
      const messages = messagesOf(bus, widgets(80, b * 80));
      // Odd batches go to another stream, so their sequence numbers interleave with nothing of the even ones.
      return b % 2 === 0 ? messages : messages.map((m) => ({ ...m, subject: bus.subjectFor('loyalty.widget.made.v1') }));
    });
    // One message of batch 0 repeated in batch 2: exactly one of the two is the duplicate.
    (batches[2] as OutgoingMessage[])[5] = (batches[0] as OutgoingMessage[])[5] as OutgoingMessage;

    const results = await Promise.all(batches.map((messages) => publisher.publish(messages)));

    const duplicates = results.flat().filter((outcome) => outcome.ok && outcome.duplicate);
    expect(duplicates).toHaveLength(1);
    expect(results[2]?.[5]).toEqual({ ...results[0]?.[5], duplicate: expect.any(Boolean) });
    for (const [b, outcomes] of results.entries()) {
      expect(outcomes).toHaveLength(80);
      const seqs = outcomes.map((outcome) => (outcome.ok ? outcome.seq : NaN));
      const stored = await Promise.all(
        seqs.map((seq) => bus.jsm.streams.getMessage(bus.streamName(b % 2 === 0 ? 'profile' : 'loyalty'), { seq })),
      );
      expect(stored.map((m) => m.header.get('Nats-Msg-Id'))).toEqual((batches[b] as OutgoingMessage[]).map((m) => m.msgId));
    }
  });

  it('resolves an empty batch at once', async () => {
    await expect(publisher.publish([])).resolves.toEqual([]);
  });

  it('fails what is waiting when it is closed, and every later batch', async () => {
    const closing = createBatchPublisher(bus, { timeoutMs: 10_000 });
    const pending = closing.publish(messagesOf(bus, widgets(50)));
    closing.close();
    const outcomes = await pending;
    expect(failures(outcomes)).toHaveLength(50);
    expect(failures(outcomes)[0]?.message).toBe('batch publisher closed before the PubAck');
    expect(failures(await closing.publish(messagesOf(bus, widgets(2))))).toHaveLength(2);
  });

  it('fails what is waiting when the connection closes, long before the timeout', async () => {
    const other = await connectBus({ url: testEnv().NATS_URL, prefix: bus.prefix, name: 'closing', logger: silentLogger() });
    const closing = createBatchPublisher(other, { timeoutMs: 10_000 });
    const started = Date.now();
    const pending = closing.publish(messagesOf(bus, widgets(500)));
    await other.nc.close();
    const outcomes = await pending;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(failures(outcomes)).toHaveLength(500);
    expect(failures(outcomes)[0]?.message).toBe('NATS connection closed before the PubAck');
    expect(failures(await closing.publish(messagesOf(bus, widgets(2))))).toHaveLength(2);
  });
});

describe('createBatchPublisher when nats-server dies mid-batch', () => {
  it('fails the messages without a PubAck within the timeout instead of hanging', async () => {
    const nats = await startPrivateNatsServer();
    const bus = await createTestBus('batch_publisher_crash', { url: nats.url });
    try {
      await bus.ensureStream('profile');
      const publisher = createBatchPublisher(bus, { timeoutMs: 1_000 });
      const messages = messagesOf(bus, widgets(20_000));
      // Kill the server as soon as it has stored (and so delivered) the batch's first message.
      bus.nc.subscribe(messages[0]?.subject as string, { max: 1, callback: () => void nats.stop() });
      const started = Date.now();

      const outcomes = await publisher.publish(messages);

      expect(Date.now() - started).toBeLessThan(3_000);
      expect(outcomes).toHaveLength(messages.length);
      const failed = failures(outcomes);
      expect(failed.length).toBeGreaterThan(0);
      // What was acked before the crash is what the fresh stream stored first, in order.
      expect(outcomes.every((outcome, i) => !outcome.ok || outcome.seq === i + 1)).toBe(true);
      expect(new Set(failed.map((error) => error.message))).toEqual(new Set(['no PubAck from JetStream within 1000 ms']));
      publisher.close();
    } finally {
      try {
        await nats.start();
        await waitFor(() => bus.check().then(() => true, () => false));
        await bus.cleanup();
      } finally {
        await nats.close();
      }
    }
  });
});
