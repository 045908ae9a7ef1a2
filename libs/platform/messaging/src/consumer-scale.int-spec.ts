import type { CloudEvent } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import { createTestBus, createTestDatabase, waitFor, type TestBus, type TestDatabase } from '@rekindle/platform-testing';
import { startConsumer, type RunningConsumer } from './consumer';
import { messagingMigrations } from './migrations';
import { CreateWidgetSeen1700000000001, publishEvent, silentLogger, widgetMadeV1, widgets } from './test-fixtures';

describe('replicas sharing one durable consumer', () => {
  let db: TestDatabase;
  let bus: TestBus;

  beforeAll(async () => {
    [db, bus] = await Promise.all([
      createTestDatabase('consumer_scale', [...messagingMigrations, CreateWidgetSeen1700000000001]),
      createTestBus('consumer_scale'),
    ]);
  });
  afterAll(async () => {
    await bus.cleanup();
    await db.drop();
  });

  it('split the events between them and together apply each once', async () => {
    const replica = (worker: string): Promise<RunningConsumer> =>
      startConsumer({
        bus,
        dataSource: db.dataSource,
        logger: silentLogger(),
        stream: 'profile',
        durable: 'scaled',
        batchSize: 10,
        handlers: {
          [widgetMadeV1.type]: async (event: CloudEvent, manager: EntityManager) => {
            await manager.query('INSERT INTO widget_seen (event_id, n, worker) VALUES ($1, $2, $3)', [
              event.id,
              (event.data as { n: number }).n,
              worker,
            ]);
          },
        },
      });
    const replicas = await Promise.all([replica('a'), replica('b')]);
    const events = widgets(300);
    await Promise.all(events.map((event) => publishEvent(bus, event)));
    await waitFor(async () => (await db.dataSource.query('SELECT count(*)::int AS n FROM inbox'))[0].n === events.length);
    await Promise.all(replicas.map((r) => r.stop()));

    const rows: { event_id: string; worker: string }[] = await db.dataSource.query('SELECT event_id, worker FROM widget_seen');
    expect(rows).toHaveLength(events.length);
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(events.map((e) => e.id)));
    const byWorker = (worker: string) => rows.filter((r) => r.worker === worker).length;
    expect(byWorker('a')).toBeGreaterThan(0);
    expect(byWorker('b')).toBeGreaterThan(0);
  });
});
