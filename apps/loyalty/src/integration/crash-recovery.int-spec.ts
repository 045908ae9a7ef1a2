import { randomUUID } from 'node:crypto';
import { orderPlacedV1, pointsEarnedV1, type CloudEvent } from '@rekindle/contracts';
import { dropSchema } from '@rekindle/platform-database';
import {
  createTestBus,
  profileEvents,
  publishProfileEvents,
  readStream,
  startTestService,
  testEnv,
  uniqueTestId,
  waitUntilConsumed,
  waitUntilPublished,
  type TestBus,
  type TestService,
} from '@rekindle/platform-testing';
import { consumedEvents } from '../testing/loyalty-test-kit';
import type { LoyaltyService } from '../loyalty-service';
import { serviceDefinition } from '../service-definition';

const CUSTOMERS = 10;
const ORDERS_EACH = 6;
const CRASH_AT_ORDER = 25;
// All orders fall in January, so every one earns at MEMBER: 1 point per whole unit.
const NOW = '2030-02-15T12:00:00.000Z';

/**
 * A loyalty process dies right after the transaction of an order event commits and before its ack
 * reaches NATS; what it had pulled but not handled is never acked either. Another process on the
 * same schema and durable consumer takes over: every order earns exactly once.
 */
describe('a crash between handling a profile event and acking it (real PostgreSQL/NATS)', () => {
  const schema = uniqueTestId('loyalty_crash');
  let bus: TestBus;
  let first: TestService<LoyaltyService> | undefined;
  let second: TestService<LoyaltyService> | undefined;

  beforeAll(async () => {
    bus = await createTestBus('loyalty_crash');
  });
  afterAll(async () => {
    await second?.stop();
    await bus?.cleanup();
    await dropSchema(testEnv().DATABASE_URL, schema);
  });

  it('loses nothing and doubles nothing', async () => {
    const customers = Array.from({ length: CUSTOMERS }, () => randomUUID());
    const events: CloudEvent[] = [];
    const expected = new Map<string, number>();
    customers.forEach((id, c) => {
      events.push(profileEvents.registered(id, '2030-01-02T09:00:00Z'));
      for (let o = 0; o < ORDERS_EACH; o++) {
        const total = 10 + c * 7 + o;
        events.push(...profileEvents.order(id, `2030-01-1${o}T10:00:00Z`, `crash-${c}-${o}`, `${total}.50`));
        expected.set(id, (expected.get(id) ?? 0) + total);
      }
    });
    await publishProfileEvents(bus, events);

    let placed = 0;
    let dead = false;
    let crashedEventId: string | undefined;
    let crash!: () => void;
    const crashed = new Promise<void>((resolve) => (crash = resolve));
    first = await startTestService(serviceDefinition, {
      label: 'loyalty_crash',
      busPrefix: bus.prefix,
      schema,
      now: NOW,
      // What a dying process logs (the ack it could not send, the relay it could not flush) is expected here.
      env: { LOG_LEVEL: 'silent' },
      hooks: {
        afterEachEvent: async (event) => {
          // A dead process commits nothing more.
          if (dead) throw new Error('process is dead');
          if (event.type !== orderPlacedV1.type || ++placed !== CRASH_AT_ORDER) return;
          crashedEventId = event.id;
          dead = true;
          // The connection drops while the transaction is still open: it commits, the ack cannot be sent.
          await first!.service.bus.nc.close();
          crash();
        },
      },
    });
    await crashed;
    const crashedAt = new Date();
    await first.stop();

    second = await startTestService(serviceDefinition, { label: 'loyalty_crash', busPrefix: bus.prefix, schema, now: NOW });
    await waitUntilConsumed(bus, 20_000);
    const db = second.service.dataSource;

    const [inbox] = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE event_id = $1)::int AS crashed, count(*) FILTER (WHERE processed_at < $2)::int AS before
       FROM inbox`,
      [crashedEventId, crashedAt],
    );
    expect(inbox).toMatchObject({ n: events.length, crashed: 1 });
    // The crash happened mid-stream: the first process had handled part of it, the second the rest.
    expect(inbox.before).toBeGreaterThanOrEqual(CRASH_AT_ORDER * 2);
    expect(inbox.before).toBeLessThan(events.length);
    // The committed-but-unacked event came back to the new process, which recognised it.
    expect(await consumedEvents(second.url, 'duplicate')).toBeGreaterThanOrEqual(1);

    const [earns] = await db.query(`SELECT count(*)::int AS n, count(DISTINCT order_id)::int AS orders FROM ledger_entry WHERE type = 'EARN'`);
    expect(earns).toEqual({ n: CUSTOMERS * ORDERS_EACH, orders: CUSTOMERS * ORDERS_EACH });
    const balances: { customer_id: string; points: number; growth: number }[] = await db.query(
      `SELECT l.customer_id, sum(l.points)::int AS points, (SELECT sum(growth)::int FROM loyalty_growth_month g WHERE g.customer_id = l.customer_id) AS growth
       FROM ledger_entry l GROUP BY l.customer_id`,
    );
    expect(new Map(balances.map((b) => [b.customer_id, b.points]))).toEqual(expected);
    expect(new Map(balances.map((b) => [b.customer_id, b.growth]))).toEqual(expected);

    // What the first process committed to its outbox but never published went out once, from the second.
    await waitUntilPublished(db);
    const earned = (await readStream(bus, 'loyalty', { expected: CUSTOMERS * ORDERS_EACH })).filter((e) => e.type === pointsEarnedV1.type);
    expect(earned).toHaveLength(CUSTOMERS * ORDERS_EACH);
  });
});
