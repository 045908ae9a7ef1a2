import { Registry } from 'prom-client';
import { createEvent, type CloudEvent } from '@rekindle/contracts';
import { inTransaction, type DataSource } from '@rekindle/platform-database';
import { createTestBus, createTestDatabase, readStream, waitFor, type TestBus, type TestDatabase } from '@rekindle/platform-testing';
import { messagingMigrations } from './migrations';
import { appendToOutbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { MAX_EVENTS_PER_MESSAGE } from './event-batches';
import { silentLogger, widgetMadeV1, widgets, widgetSoldV1 } from './test-fixtures';

/** Whether this PostgreSQL was built with lz4 (the migration falls back to pglz when not): asked in a transaction rolled back. */
async function supportsLz4(dataSource: DataSource): Promise<boolean> {
  const runner = dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    await runner.query('SET LOCAL default_toast_compression = lz4');
    return true;
  } catch (error) {
    if (/invalid value for parameter/.test(String(error))) return false;
    throw error;
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('outbox and relay', () => {
  let db: TestDatabase;
  let bus: TestBus;
  let relay: OutboxRelay;

  beforeAll(async () => {
    [db, bus] = await Promise.all([createTestDatabase('outbox_relay', messagingMigrations), createTestBus('outbox_relay')]);
    await bus.ensureStream('profile');
    relay = new OutboxRelay({ dataSource: db.dataSource, bus, logger: silentLogger(), batchSize: 50 });
  });
  afterEach(() => db.dataSource.query('TRUNCATE outbox'));
  afterAll(async () => {
    await relay.stop();
    await bus.cleanup();
    await db.drop();
  });

  const streamState = async () => (await bus.jsm.streams.info(bus.streamName('profile'))).state;

  it('publishes committed events exactly once, those of one subject in a transaction as one message, and never rolled-back ones', async () => {
    const before = (await streamState()).last_seq;
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const [first, second] = widgets(2) as [CloudEvent, CloudEvent];
    const sold = createEvent(widgetSoldV1, { data: { n: 9 }, traceparent });
    await inTransaction(db.dataSource, (m) => appendToOutbox(m, [first, sold, second]));
    await expect(
      inTransaction(db.dataSource, async (m) => {
        await appendToOutbox(m, widgets(2, 100));
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');

    // Two messages: the widgets made as one batch, the lone sale as itself.
    expect(await relay.flush()).toBe(2);
    expect(await relay.flush()).toBe(0);

    const events = await readStream(bus, 'profile', { expected: 3, timeoutMs: 5_000 });
    expect(events).toEqual([first, second, sold]);
    const stored = await Promise.all([1, 2].map((i) => bus.jsm.streams.getMessage(bus.streamName('profile'), { seq: before + i })));
    expect(stored.map((m) => m.subject)).toEqual([bus.subjectFor('profile.widget.made.v1'), bus.subjectFor('profile.widget.sold.v1')]);
    const [batchRow] = await db.dataSource.query(`SELECT id FROM outbox WHERE type = $1`, [widgetMadeV1.type]);
    expect(stored.map((m) => m.header.get('Nats-Msg-Id'))).toEqual([batchRow.id, sold.id]);
    expect(stored[1]?.header.get('traceparent')).toBe(traceparent);
    const [row] = await db.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    expect(row.n).toBe(0);
  });

  it('republishes after a crash between publish and mark, and JetStream keeps each message once', async () => {
    const events = [...widgets(120, 1000), createEvent(widgetSoldV1, { data: { n: 1 } })];
    await inTransaction(db.dataSource, (m) => appendToOutbox(m, events));
    const before = (await streamState()).messages;
    expect(await relay.flush()).toBe(2);
    // The relay "crashed" before its UPDATE committed: every row is pending again.
    await db.dataSource.query('UPDATE outbox SET published_at = NULL');
    expect(await relay.flush()).toBe(2);
    expect((await streamState()).messages).toBe(before + 2);
  });

  it('keeps the order of a large append across its messages, each stored compressed with lz4 (pglz on a server built without it)', async () => {
    const events = widgets(12_001);
    await inTransaction(db.dataSource, (m) => appendToOutbox(m, events));
    const rows: { payload: CloudEvent[]; compression: string | null }[] = await db.dataSource.query(
      'SELECT payload, pg_column_compression(payload) AS compression FROM outbox ORDER BY seq',
    );
    expect(rows).toHaveLength(Math.ceil(12_001 / MAX_EVENTS_PER_MESSAGE));
    expect(rows.flatMap((r) => r.payload).map((e) => e.id)).toEqual(events.map((e) => e.id));
    // Full messages are large enough to be compressed; the last one holds a single event.
    const expected = (await supportsLz4(db.dataSource)) ? 'lz4' : 'pglz';
    expect(rows.slice(0, -1).map((r) => r.compression)).toEqual(rows.slice(0, -1).map(() => expected));
  });

  it('runs in the background, wakes on notify and reports its counters', async () => {
    const registry = new Registry();
    const background = new OutboxRelay({ dataSource: db.dataSource, bus, logger: silentLogger(), pollIntervalMs: 60_000, registry });
    background.start();
    try {
      await inTransaction(db.dataSource, (m) => appendToOutbox(m, [...widgets(7), createEvent(widgetSoldV1, { data: { n: 1 } })]));
      background.notify();
      await waitFor(async () => (await db.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0].n === 0);
      const metrics = await registry.getMetricsAsJSON();
      const value = (name: string) => metrics.find((m) => m.name === name)?.values[0]?.value;
      expect(value('rekindle_outbox_published_total')).toBe(2);
      expect(value('rekindle_outbox_pending')).toBe(0);
    } finally {
      await background.stop();
    }
  });

  it('publishes what is pending when it stops', async () => {
    const stopping = new OutboxRelay({ dataSource: db.dataSource, bus, logger: silentLogger(), pollIntervalMs: 60_000 });
    stopping.start();
    await inTransaction(db.dataSource, (m) => appendToOutbox(m, widgets(5)));
    await stopping.stop();
    const [row] = await db.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    expect(row.n).toBe(0);
  });
});
