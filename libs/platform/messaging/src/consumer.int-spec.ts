import { createEvent, type CloudEvent } from '@rekindle/contracts';
import { NotFoundError, ConflictError } from '@rekindle/util';
import type { EntityManager } from '@rekindle/platform-database';
import { traceIdOf } from '@rekindle/platform-logger';
import { createTestBus, createTestDatabase, waitFor, type TestBus, type TestDatabase } from '@rekindle/platform-testing';
import { startConsumer, type ConsumerOptions } from './consumer';
import { listDeadLetters, replayDeadLetter } from './dead-letter';
import type { EventHandler } from './inbox';
import { messagingMigrations } from './migrations';
import {
  capturingLogger,
  CreateWidgetSeen1700000000001,
  deferred,
  publishBatch,
  publishEvent,
  silentLogger,
  widgetMadeV1,
  widgets,
  widgetSoldV1,
} from './test-fixtures';

const record = (event: CloudEvent, manager: EntityManager, worker = 'main') =>
  manager.query('INSERT INTO widget_seen (event_id, n, worker) VALUES ($1, $2, $3)', [event.id, (event.data as { n: number }).n, worker]);

describe('startConsumer', () => {
  let db: TestDatabase;
  let bus: TestBus;

  beforeAll(async () => {
    db = await createTestDatabase('consumer', [...messagingMigrations, CreateWidgetSeen1700000000001]);
  });
  beforeEach(async () => {
    bus = await createTestBus('consumer');
  });
  afterEach(() => bus.cleanup());
  afterAll(() => db.drop());

  const options = (durable: string, handlers: Record<string, EventHandler>): ConsumerOptions => ({
    bus,
    dataSource: db.dataSource,
    logger: silentLogger(),
    stream: 'profile',
    durable,
    handlers,
    ackWaitMs: 5_000,
  });
  const seen = async (eventId: string): Promise<number> =>
    (await db.dataSource.query('SELECT count(*)::int AS n FROM widget_seen WHERE event_id = $1', [eventId]))[0].n;
  const consumerInfo = (durable: string) => bus.jsm.consumers.info(bus.streamName('profile'), durable);

  it('applies a redelivered event once and logs under its trace id', async () => {
    const { logger, lines } = capturingLogger();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const event = createEvent(widgetMadeV1, { data: { n: 1 }, traceparent });
    const marker = createEvent(widgetSoldV1, { data: { n: 2 } });
    const markerHandled = deferred();
    const consumer = await startConsumer(
      options('dedupe', {
        [widgetMadeV1.type]: async (e, m) => {
          logger.info({ eventId: e.id }, 'widget made');
          await record(e, m);
        },
        [widgetSoldV1.type]: async () => markerHandled.resolve(),
      }),
    );
    await publishEvent(bus, event, 'first-copy');
    await publishEvent(bus, event, 'second-copy');
    await publishEvent(bus, marker);
    await markerHandled.promise;
    await consumer.stop();

    expect(await seen(event.id)).toBe(1);
    expect(lines.filter((line) => line['msg'] === 'widget made')).toEqual([
      expect.objectContaining({ eventId: event.id, traceId: traceIdOf(traceparent) }),
    ]);
    expect((await consumerInfo('dedupe')).num_ack_pending).toBe(0);
  });

  it('retries a failing handler with back-off until it succeeds', async () => {
    const [event] = widgets(1) as [CloudEvent];
    const calls: number[] = [];
    const succeeded = deferred();
    const consumer = await startConsumer({
      ...options('flaky', {
        [widgetMadeV1.type]: async (e, m) => {
          calls.push(Date.now());
          await record(e, m);
          if (calls.length <= 2) throw new Error(`attempt ${calls.length} failed`);
          succeeded.resolve();
        },
      }),
      backoffMs: [150, 300],
    });
    await publishEvent(bus, event);
    await succeeded.promise;
    await consumer.stop();

    const [first, second, third] = calls as [number, number, number];
    expect(calls).toHaveLength(3);
    expect(second - first).toBeGreaterThanOrEqual(140);
    expect(third - second).toBeGreaterThanOrEqual(290);
    // The failed attempts rolled back what they wrote.
    expect(await seen(event.id)).toBe(1);
  });

  it('dead-letters an event after maxAttempts, lists it, and replays it once', async () => {
    const [event] = widgets(1) as [CloudEvent];
    let failures = 0;
    const consumer = await startConsumer({
      ...options('doomed', {
        [widgetMadeV1.type]: async () => {
          failures += 1;
          throw new Error('boom: downstream rejected it');
        },
      }),
      maxAttempts: 3,
      backoffMs: [20],
    });
    await publishEvent(bus, event);
    await bus.js.publish(bus.subjectFor('profile.widget.made.v1'), 'not json at all');
    await waitFor(async () => (await listDeadLetters(db.dataSource, { consumer: 'doomed' })).length === 2);
    await consumer.stop();

    expect(failures).toBe(3);
    const listed = await listDeadLetters(db.dataSource, { consumer: 'doomed' });
    const dead = listed.find((d) => d.eventId === event.id);
    const garbage = listed.find((d) => d.eventId === null);
    expect(dead).toMatchObject({ eventId: event.id, attempts: 3, payload: event, replayedAt: null });
    expect(dead?.error).toMatch(/boom: downstream rejected it/);
    expect(garbage).toMatchObject({ eventId: null, attempts: 1, payload: 'not json at all', error: expect.stringMatching(/^not JSON/) });
    expect(await listDeadLetters(db.dataSource, { consumer: 'doomed', first: 1 })).toEqual([listed[0]]);
    expect(await listDeadLetters(db.dataSource, { consumer: 'doomed', after: listed[0]?.id })).toEqual([listed[1]]);
    expect(await listDeadLetters(db.dataSource, { consumer: 'nobody' })).toEqual([]);
    const info = await consumerInfo('doomed');
    expect([info.num_ack_pending, info.num_pending]).toEqual([0, 0]);

    let fixedCalls = 0;
    const fixed = {
      [widgetMadeV1.type]: async (e: CloudEvent, m: EntityManager) => {
        fixedCalls += 1;
        await record(e, m);
      },
    };
    const replay = (id: string) => replayDeadLetter({ dataSource: db.dataSource, logger: silentLogger(), id, handlers: fixed, consumer: 'doomed' });
    expect(await replay(dead?.id as string)).toEqual({ applied: true });
    expect(await replay(dead?.id as string)).toEqual({ applied: false });
    expect(fixedCalls).toBe(1);
    expect(await seen(event.id)).toBe(1);
    const afterReplay = await listDeadLetters(db.dataSource, { consumer: 'doomed' });
    expect(afterReplay.find((d) => d.id === dead?.id)?.replayedAt).toBeInstanceOf(Date);
    await expect(replay('987654321')).rejects.toBeInstanceOf(NotFoundError);
    await expect(replay(garbage?.id as string)).rejects.toBeInstanceOf(ConflictError);
  });

  it('applies the events of a batch message together, once each', async () => {
    const events = widgets(4, 10);
    const [applied] = events as [CloudEvent];
    // The handler records the transaction it ran in as the worker.
    const inTransaction = (e: CloudEvent, m: EntityManager) =>
      m.query('INSERT INTO widget_seen (event_id, n, worker) VALUES ($1, $2, txid_current()::text)', [e.id, (e.data as { n: number }).n]);
    const consumer = await startConsumer(options('batched', { [widgetMadeV1.type]: inTransaction }));
    await publishEvent(bus, applied);
    await waitFor(async () => (await seen(applied.id)) === 1);
    await publishBatch(bus, events, 'batch-1');
    // Seen before, and one of them twice in the same batch.
    await publishBatch(bus, [...events.slice().reverse(), events[2] as CloudEvent], 'batch-1-cut-differently');
    await waitFor(async () => (await consumerInfo('batched')).num_ack_pending + (await consumerInfo('batched')).num_pending === 0);
    await consumer.stop();

    for (const event of events) expect(await seen(event.id)).toBe(1);
    const rest = events.slice(1).map((e) => e.id);
    const [{ transactions }] = await db.dataSource.query(
      'SELECT count(DISTINCT worker)::int AS transactions FROM widget_seen WHERE event_id = ANY($1::uuid[])',
      [rest],
    );
    expect(transactions).toBe(1);
  });

  it('holds back only the failing event of a batch: the others apply, it is retried, then dead-lettered alone', async () => {
    const events = widgets(4, 20);
    const bad = events[1] as CloudEvent;
    const consumer = await startConsumer({
      ...options('batch-with-bad', {
        [widgetMadeV1.type]: async (e, m) => {
          if (e.id === bad.id) throw new Error('boom: this widget is broken');
          await record(e, m);
        },
      }),
      maxAttempts: 2,
      backoffMs: [20],
    });
    await publishBatch(bus, events, 'batch-2');
    await waitFor(async () => (await listDeadLetters(db.dataSource, { consumer: 'batch-with-bad' })).length === 1);
    await consumer.stop();

    for (const event of events) expect(await seen(event.id)).toBe(event === bad ? 0 : 1);
    const [dead] = await listDeadLetters(db.dataSource, { consumer: 'batch-with-bad' });
    expect(dead).toMatchObject({ eventId: bad.id, attempts: 2, payload: bad, error: expect.stringMatching(/boom: this widget is broken/) });
    const info = await consumerInfo('batch-with-bad');
    expect([info.num_ack_pending, info.num_pending]).toEqual([0, 0]);
  });

  it('stop() waits for the in-flight handler and its ack', async () => {
    const [event] = widgets(1) as [CloudEvent];
    const started = deferred();
    const stopCalled = deferred();
    const order: string[] = [];
    const consumer = await startConsumer(
      options('graceful', {
        [widgetMadeV1.type]: async (e, m) => {
          started.resolve();
          await stopCalled.promise;
          await m.query('SELECT pg_sleep(0.2)');
          await record(e, m);
          order.push('handled');
        },
      }),
    );
    await publishEvent(bus, event);
    await started.promise;
    const stopped = consumer.stop().then(() => order.push('stopped'));
    stopCalled.resolve();
    await stopped;

    expect(order).toEqual(['handled', 'stopped']);
    const info = await consumerInfo('graceful');
    expect([info.num_ack_pending, info.num_pending, info.num_redelivered]).toEqual([0, 0, 0]);

    const marker = createEvent(widgetMadeV1, { data: { n: 99 } });
    const next: string[] = [];
    const markerHandled = deferred();
    const replica = await startConsumer(
      options('graceful', {
        [widgetMadeV1.type]: async (e) => {
          next.push(e.id);
          if (e.id === marker.id) markerHandled.resolve();
        },
      }),
    );
    await publishEvent(bus, marker);
    await markerHandled.promise;
    await replica.stop();
    expect(next).toEqual([marker.id]);
    expect(await seen(event.id)).toBe(1);
  });
});
