import { activityRecordedV1, orderPlacedV1 } from '@rekindle/contracts';
import { createClock } from '@rekindle/platform-config';
import { createBatchPublisher, type BatchPublisher } from '@rekindle/platform-messaging';
import {
  createTestBus,
  customerEvent,
  daysBefore,
  order,
  readStream,
  recordEvents,
  startPrivateNatsServer,
  startTestService,
  waitFor,
  type TestBus,
  type TestService,
} from '@rekindle/platform-testing';
import { DEFAULT_LIFECYCLE_THRESHOLDS } from '@rekindle/profile-core';
import { EventFoldQuery } from '../data/event-fold.query';
import { EventLogRepository, type StoredEvent } from '../data/event-log.repository';
import { FoldEventsUseCase } from '../use-cases/fold-events.use-case';
import { PublishRecordedEventsUseCase, stableUuid } from '../use-cases/publish-recorded-events.use-case';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';
const share = (customer: string, days: number) => customerEvent(customer, 'CONTENT_SHARED', daysBefore(NOW, days), { contentShared: { channel: 'x' } });

async function sharesOf(profile: TestService<ProfileService>, externalId: string): Promise<number | undefined> {
  const [row] = await profile.service.dataSource.query(
    'SELECT a.shares FROM customer_activity a JOIN customer c ON c.id = a.customer_id WHERE c.external_id = $1',
    [externalId],
  );
  return row?.shares;
}

/** A profile of its own on a test bus of its own, for a test that reads what it publishes. */
async function withPublishingProfile(
  name: string,
  test: (profile: TestService<ProfileService>, bus: TestBus) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const bus = await createTestBus(name);
  const profile = await startTestService(serviceDefinition, { label: name, now: NOW, busPrefix: bus.prefix, env });
  try {
    await test(profile, bus);
  } finally {
    await profile.stop();
    await bus.cleanup();
  }
}

describe('the event log readers (folder and publisher)', () => {
  let profile: TestService<ProfileService>;
  beforeAll(async () => {
    // No background readers: the test takes each fold step itself.
    profile = await startTestService(serviceDefinition, { label: 'profile_log_readers', now: NOW, env: { PROFILE_EVENT_WORKER: 'false' } });
  });
  afterAll(() => profile.stop());

  it('folds an event committed after a later one once its transaction ends, and never twice', async () => {
    await recordEvents(profile, [share('late', 10)]);
    const [{ id: customerId }] = await profile.service.dataSource.query(`SELECT id FROM customer WHERE external_id = 'late'`);
    const stored = (n: number): StoredEvent => ({ ...share('late', n), type: 'CONTENT_SHARED', data: { channel: 'x' }, customerId }) as StoredEvent;
    const folder = new FoldEventsUseCase({
      dataSource: profile.service.dataSource,
      log: new EventLogRepository(),
      fold: new EventFoldQuery(DEFAULT_LIFECYCLE_THRESHOLDS),
      clock: createClock(NOW),
      onEventsCommitted: () => undefined,
    });

    // An append that started first and commits last: its rows carry the older transaction id.
    const slow = profile.service.dataSource.createQueryRunner();
    await slow.startTransaction();
    try {
      await new EventLogRepository().append(slow.manager, [stored(5), stored(4)], undefined);
      await profile.service.useCases.recordEvents.execute([share('late', 3)]);
      // The later append is committed; a reader that went by seq alone would fold it now and then
      // pass over the open transaction's rows for good.
      expect(await folder.foldNext(1_000)).toBe(0);
      expect(await sharesOf(profile, 'late')).toBe(1);
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    await profile.service.drainIngestion();
    expect(await sharesOf(profile, 'late')).toBe(4);
    await profile.service.drainIngestion();
    expect(await sharesOf(profile, 'late')).toBe(4);
  });

  it('republishes after a failure between publishing and moving the cursor, and JetStream keeps one copy', () =>
    withPublishingProfile('profile_log_republish', async (other, bus) => {
      const [before] = await other.service.dataSource.query(`SELECT xid::text AS xid, seq FROM event_cursor WHERE reader = 'publish'`);
      // Move the cursor back after a full publish: what a crash before the cursor's commit leaves.
      await recordEvents(other, [share('again', 2), order('again', daysBefore(NOW, 1), 'again-o1', [{ quantity: 1, unitPrice: '5' }])]);
      await other.service.dataSource.query(`UPDATE event_cursor SET xid = $1::xid8, seq = $2 WHERE reader = 'publish'`, [before.xid, before.seq]);
      await other.service.drainIngestion();
      const events = await readStream(bus, 'profile', { expected: 5 });
      const published = events.filter((e) => e.type === activityRecordedV1.type || e.type === orderPlacedV1.type);
      expect(published.map((e) => e.type).sort()).toEqual([activityRecordedV1.type, activityRecordedV1.type, orderPlacedV1.type]);
    }));
});

describe('a publish whose PubAcks were lost', () => {
  it('is published again as the same messages, though more was recorded since, and JetStream keeps one copy of each event', () =>
    withPublishingProfile(
      'profile_log_lost_ack',
      async (profile, bus) => {
        const { dataSource, useCases } = profile.service;
        // JetStream stores the messages but their PubAcks never arrive, as when NATS dies at that moment.
        const real = createBatchPublisher(bus);
        let loseAcks = true;
        const publisher: BatchPublisher = {
          async publish(messages) {
            const outcomes = await real.publish(messages);
            if (!loseAcks) return outcomes;
            loseAcks = false;
            return outcomes.map(() => ({ ok: false, error: new Error('PubAck lost') }));
          },
          close: () => real.close(),
        };
        const log = new EventLogRepository();
        const publishing = new PublishRecordedEventsUseCase({ dataSource, log, bus, publisher });
        try {
          await useCases.recordEvents.execute([share('lost', 5), share('lost', 4), share('lost', 3)]);
          // Rows stay invisible to the reader while any older transaction of the database is open.
          await waitFor(() => publishing.publishNext(2_000).then(() => false, (error: Error) => error.message === 'PubAck lost'));
          await useCases.recordEvents.execute([share('lost', 2), share('lost', 1)]);
          await waitFor(async () => {
            await publishing.publishNext(2_000);
            return (await log.backlog(dataSource.manager)).publish === 0;
          });
        } finally {
          publisher.close();
        }
        const activity = (await readStream(bus, 'profile', { expected: 5 })).filter((e) => e.type === activityRecordedV1.type);
        expect(activity).toHaveLength(5);
        expect(new Set(activity.map((e) => (e.data as { eventId: string }).eventId)).size).toBe(5);
      },
      { PROFILE_EVENT_WORKER: 'false' },
    ));
});

describe('the ids the publisher gives', () => {
  it('are the version 5 UUIDs of the event ids, the same in PostgreSQL as in Node', () =>
    withPublishingProfile('profile_log_ids', async (profile, bus) => {
      const names = ['activity:ev-1', 'order:"quoted" \\ id', 'batch:x:y:z:3'];
      const [row] = await profile.service.dataSource.query('SELECT array_agg(stable_uuid(n) ORDER BY i) AS ids FROM unnest($1::text[]) WITH ORDINALITY AS x(n, i)', [names]);
      expect(row.ids).toEqual(names.map(stableUuid));
      expect(stableUuid('activity:ev-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

      const events = [share('ids', 2), order('ids', daysBefore(NOW, 1), 'ids-o1', [{ quantity: 1, unitPrice: '5' }])];
      await recordEvents(profile, events);
      const published = (await readStream(bus, 'profile', { expected: 5 })).filter((e) => e.type === activityRecordedV1.type || e.type === orderPlacedV1.type);
      expect(published.map((e) => e.id).sort()).toEqual(
        [`activity:${events[0]?.eventId}`, `activity:${events[1]?.eventId}`, `order:${events[1]?.eventId}`].map(stableUuid).sort(),
      );
    }));
});

describe('large events', () => {
  it('go out in messages of about 200 KB at most, each once', () =>
    withPublishingProfile('profile_log_large', async (profile, bus) => {
      // 12 orders of 1,000 lines: each order.placed, and each activity.recorded with it, is about 100 KB.
      const lines = Array.from({ length: 1000 }, (_, i) => ({ quantity: 1, unitPrice: '1.50', category: `category-${'x'.repeat(20)}-${i}` }));
      const orders = Array.from({ length: 12 }, (_, i) => order('large', daysBefore(NOW, 12 - i), `large-o${i}`, lines));
      expect((await recordEvents(profile, orders)).data?.recordEvents.accepted).toBe(12);

      const consumer = await bus.js.consumers.get(bus.streamName('profile'));
      const sizes: Record<string, number[]> = {};
      const messages = await consumer.fetch({ max_messages: 100, expires: 2_000 });
      for await (const msg of messages) (sizes[msg.subject] ??= []).push(msg.data.length);
      for (const contract of [activityRecordedV1, orderPlacedV1]) {
        const own = sizes[bus.subjectFor(contract.subject)] ?? [];
        expect(own.length).toBeGreaterThanOrEqual(4);
        expect(Math.max(...own)).toBeLessThan(320_000);
      }
      const events = await readStream(bus, 'profile', { expected: 24 });
      expect(events.filter((e) => e.type === orderPlacedV1.type)).toHaveLength(12);
      expect(events.filter((e) => e.type === activityRecordedV1.type)).toHaveLength(12);
    }));
});

describe('a NATS outage while events are recorded', () => {
  it('accepts every event, then publishes each activity exactly once when NATS is back', async () => {
    const nats = await startPrivateNatsServer();
    const bus = await createTestBus('profile_log_outage', { url: nats.url });
    const profile = await startTestService(serviceDefinition, { label: 'profile_log_outage', NATS_URL: nats.url, busPrefix: bus.prefix, now: NOW });
    try {
      for (let batch = 0; batch < 10; batch += 1) {
        if (batch === 3) await nats.stop();
        const events = Array.from({ length: 100 }, (_, i) => share(`out-${batch}-${i % 10}`, 1 + (i % 5)));
        const result = await profile.service.useCases.recordEvents.execute(events);
        expect(result.accepted).toBe(100);
      }
      await nats.start();
      await profile.service.drainIngestion();
      const events = await readStream(bus, 'profile', { expected: 1000 + 100 * 2, timeoutMs: 30_000 });
      const activity = events.filter((e) => e.type === activityRecordedV1.type);
      expect(activity).toHaveLength(1000);
      expect(new Set(activity.map((e) => (e.data as { eventId: string }).eventId)).size).toBe(1000);
      // Many to a message (CloudEvents batches), not one message per activity.
      const subject = bus.subjectFor(activityRecordedV1.subject);
      const info = await bus.jsm.streams.info(bus.streamName('profile'), { subjects_filter: subject });
      expect(info.state.subjects?.[subject]).toBeLessThan(50);
      expect(await sharesOf(profile, 'out-9-9')).toBe(10);
    } finally {
      await profile.stop();
      await bus.cleanup();
      await nats.close();
    }
  });
});
