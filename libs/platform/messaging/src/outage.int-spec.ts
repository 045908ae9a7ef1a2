import { inTransaction } from '@rekindle/platform-database';
import {
  createTestBus,
  createTestDatabase,
  readStream,
  startPrivateNatsServer,
  waitFor,
  type PrivateNatsServer,
  type TestBus,
  type TestDatabase,
} from '@rekindle/platform-testing';
import { startConsumer } from './consumer';
import { messagingMigrations } from './migrations';
import { appendToOutbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { capturingLogger, publishEvent, silentLogger, widgetMadeV1, widgets } from './test-fixtures';

jest.setTimeout(20_000);

describe('a NATS crash', () => {
  let nats: PrivateNatsServer;
  let db: TestDatabase;
  let bus: TestBus;

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    [db, bus] = await Promise.all([
      createTestDatabase('relay_outage', messagingMigrations),
      createTestBus('relay_outage', { url: nats.url }),
    ]);
  });
  afterAll(async () => {
    await bus.cleanup();
    await nats.close();
    await db.drop();
  });

  const count = async (where: string): Promise<number> =>
    (await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE ${where}`))[0].n;
  /** 5 events a transaction: 50 outbox rows (messages) for 250 events. */
  const appendInFives = async (events: ReturnType<typeof widgets>) => {
    for (let i = 0; i < events.length; i += 5) await inTransaction(db.dataSource, (m) => appendToOutbox(m, events.slice(i, i + 5)));
  };

  it('loses and duplicates nothing the relay was publishing', async () => {
    const { logger, lines } = capturingLogger();
    const relay = new OutboxRelay({ dataSource: db.dataSource, bus, logger, batchSize: 5, pollIntervalMs: 20, maxBackoffMs: 300 });
    const first = widgets(250);
    const second = widgets(250, 250);
    relay.start();
    try {
      await appendInFives(first);
      relay.notify();
      await waitFor(async () => (await count('published_at IS NOT NULL')) >= 10, { timeoutMs: 10_000, intervalMs: 5 });
      await nats.stop();

      await appendInFives(second);
      relay.notify();
      await waitFor(async () => lines.some((line) => line['msg'] === 'outbox relay: failed; backing off'));
      expect(await count('published_at IS NULL')).toBeGreaterThanOrEqual(50);

      await nats.start();
      await waitFor(async () => (await count('published_at IS NULL')) === 0, { timeoutMs: 15_000 });
      const events = await readStream(bus, 'profile', { expected: 500, timeoutMs: 5_000 });
      expect(events).toHaveLength(500);
      expect(new Set(events.map((e) => e.id))).toEqual(new Set([...first, ...second].map((e) => e.id)));
    } finally {
      await relay.stop();
    }
  });

  it('does not stop a consumer, which takes up events published after the restart', async () => {
    const handled = new Set<string>();
    const consumer = await startConsumer({
      bus,
      dataSource: db.dataSource,
      logger: silentLogger(),
      stream: 'profile',
      durable: 'survivor',
      handlers: { [widgetMadeV1.type]: async (event) => void handled.add(event.id) },
    });
    try {
      const before = widgets(20);
      await Promise.all(before.map((event) => publishEvent(bus, event)));
      await waitFor(async () => before.every((event) => handled.has(event.id)));
      await nats.stop();
      await nats.start();
      await waitFor(() => bus.check().then(() => true, () => false));
      const after = widgets(20, 20);
      await Promise.all(after.map((event) => publishEvent(bus, event)));
      await waitFor(async () => after.every((event) => handled.has(event.id)));
    } finally {
      await consumer.stop();
    }
  });
});
