import { randomUUID } from 'node:crypto';
import { pointsEarnedV1, pointsReversedV1, type CloudEvent } from '@rekindle/contracts';
import {
  createTestBus,
  postGraphQL,
  profileEvents,
  publishProfileEvents,
  readStream,
  startTestService,
  waitUntilConsumed,
  waitUntilPublished,
  type TestBus,
  type TestService,
} from '@rekindle/platform-testing';
import { consumedEvents, readAccount, REDEEM, type MovementView } from '../testing/loyalty-test-kit';
import type { LoyaltyService } from '../loyalty-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';

/** Profile's events, as profile publishes them, drive loyalty; the gateway end-to-end test does the same through profile itself. */
describe('points from profile order events (real PostgreSQL/NATS)', () => {
  let bus: TestBus;
  let loyalty: TestService<LoyaltyService>;

  /** Publishes to the profile stream, then waits until loyalty has handled it all and published its own events. */
  const publish = async (events: CloudEvent[]) => {
    await publishProfileEvents(bus, events);
    await waitUntilConsumed(bus);
    await waitUntilPublished(loyalty.service.dataSource);
  };
  const ledgerRows = async () => ((await loyalty.service.dataSource.query('SELECT count(*)::int AS n FROM ledger_entry')) as { n: number }[])[0]!.n;
  const loyaltyEvents = async (type: string, subject: string) =>
    (await readStream(bus, 'loyalty', { expected: 1 })).filter((e) => e.type === type && e.subject === subject);

  beforeAll(async () => {
    bus = await createTestBus('loyalty_orders');
    loyalty = await startTestService(serviceDefinition, { label: 'loyalty_orders', busPrefix: bus.prefix, now: NOW });
  });
  afterAll(async () => {
    await loyalty?.stop();
    await bus?.cleanup();
  });

  const earner = randomUUID();

  it('earns 1 point per whole unit on each order, with growth, lots that expire in 12 months and an event each', async () => {
    await publish([
      profileEvents.registered(earner, '2030-05-20T09:00:00Z'),
      ...profileEvents.order(earner, '2030-06-01T10:00:00Z', 'earn-o1', '21.00'),
      ...profileEvents.order(earner, '2030-06-10T10:00:00Z', 'earn-o2', '99.99'),
    ]);
    const account = await readAccount(loyalty.url, earner);
    expect(account).toMatchObject({
      tier: 'MEMBER',
      points: 120,
      growthValue: 120,
      lifetimeGrowthValue: 120,
      pointsExpiringNext: { points: 21, date: '2031-06-01T10:00:00.000Z' },
      nextTier: { tier: 'SILVER', monthsMissing: 2, growthMissing: 0 },
      demotion: null,
      privileges: [],
    });
    expect(account!.ledger.edges.map((e) => [e.node.type, e.node.points, e.node.orderId])).toEqual([
      ['EARN', 99, 'earn-o2'],
      ['EARN', 21, 'earn-o1'],
    ]);
    const earned = await loyaltyEvents(pointsEarnedV1.type, earner);
    expect(earned.map((e) => e.data)).toEqual([
      expect.objectContaining({ orderId: 'earn-o1', points: 21, growth: 21, tier: 'MEMBER', birthdayBonus: false, balance: 21 }),
      expect.objectContaining({ orderId: 'earn-o2', points: 99, growth: 99, balance: 120 }),
    ]);
  });

  it('changes nothing when every profile event is delivered again', async () => {
    const before = { rows: await ledgerRows(), account: await readAccount(loyalty.url, earner) };
    const published = await readStream(bus, 'profile', { expected: 5, timeoutMs: 3_000 });
    expect(published).toHaveLength(5);
    const duplicatesBefore = await consumedEvents(loyalty.url, 'duplicate');
    // New message ids, so JetStream's duplicate window lets every copy through to the consumer.
    await publishProfileEvents(bus, published, (e) => `replay-${e.id}`);
    await waitUntilConsumed(bus);
    expect((await consumedEvents(loyalty.url, 'duplicate')) - duplicatesBefore).toBe(published.length);
    expect(await ledgerRows()).toBe(before.rows);
    expect(await readAccount(loyalty.url, earner)).toEqual(before.account);
  });

  it('takes back exactly what an order earned: a partial refund pro rata, then the cancellation of the rest', async () => {
    const id = randomUUID();
    await publish(profileEvents.order(id, '2030-06-05T09:00:00Z', 'ret-o1', '99.99'));
    expect((await readAccount(loyalty.url, id))!.points).toBe(99);
    await publish(profileEvents.reversal('REFUNDED', id, '2030-06-07T09:00:00Z', 'ret-o1', '49.99'));
    // floor(99 × 49.99 / 99.99) = 49; growth: floor(99.99) − floor(50.00) = 49.
    expect(await readAccount(loyalty.url, id)).toMatchObject({ points: 50, growthValue: 50 });
    await publish(profileEvents.reversal('CANCELLED', id, '2030-06-08T09:00:00Z', 'ret-o1', '50.00'));
    const account = await readAccount(loyalty.url, id);
    expect(account).toMatchObject({ points: 0, growthValue: 0, pointsExpiringNext: null });
    expect(account!.ledger.edges.map((e) => [e.node.type, e.node.points])).toEqual([
      ['REVERSAL', -50],
      ['REVERSAL', -49],
      ['EARN', 99],
    ]);
    expect((await loyaltyEvents(pointsReversedV1.type, id)).map((e) => e.data)).toEqual([
      expect.objectContaining({ kind: 'REFUNDED', amount: '49.99', points: 49, shortfall: 0, growth: 49, balance: 50 }),
      expect.objectContaining({ kind: 'CANCELLED', amount: '50.00', points: 50, shortfall: 0, growth: 50, balance: 0 }),
    ]);
  });

  it('doubles points in the birthday month, keeping the newest birth date profile sent', async () => {
    const june = randomUUID();
    const changed = randomUUID();
    await publish([
      profileEvents.registered(june, '2030-06-01T09:00:00Z', '1990-06-20'),
      profileEvents.registered(changed, '2030-06-01T09:00:00Z', '1990-06-20'),
      // The birth date was corrected to January; an older copy of the registration arriving late changes nothing.
      profileEvents.updated(changed, '2030-06-02T09:00:00Z', '1990-01-20'),
      profileEvents.registered(changed, '2030-06-01T08:00:00Z', '1990-06-20'),
      ...profileEvents.order(june, '2030-06-12T12:00:00Z', 'bday-o1', '50.75'),
      ...profileEvents.order(changed, '2030-06-12T12:00:00Z', 'bday-o2', '50.75'),
    ]);
    expect((await readAccount(loyalty.url, june))!.points).toBe(100);
    expect((await readAccount(loyalty.url, changed))!.points).toBe(50);
    expect((await loyaltyEvents(pointsEarnedV1.type, june))[0]!.data).toMatchObject({ birthdayBonus: true, points: 100 });
  });

  it('parks a cancellation that arrives before its order and applies it when the order arrives', async () => {
    const id = randomUUID();
    await publish(profileEvents.reversal('CANCELLED', id, '2030-06-12T09:00:00Z', 'early-o1', '40'));
    expect(await readAccount(loyalty.url, id)).toMatchObject({ points: 0, ledger: { totalCount: 0 } });
    const [parked] = await loyalty.service.dataSource.query(`SELECT applied_at FROM loyalty_order_reversal WHERE order_id = 'early-o1'`);
    expect(parked.applied_at).toBeNull();

    await publish(profileEvents.order(id, '2030-06-11T09:00:00Z', 'early-o1', '40'));
    const account = await readAccount(loyalty.url, id);
    expect(account).toMatchObject({ points: 0, growthValue: 0 });
    expect(account!.ledger.edges.map((e) => [e.node.type, e.node.points])).toEqual([
      ['REVERSAL', -40],
      ['EARN', 40],
    ]);
  });

  it('stops at zero when the points were already spent, recording the shortfall', async () => {
    const id = randomUUID();
    await publish(profileEvents.order(id, '2030-06-02T09:00:00Z', 'spend-o1', '30'));
    const redeemed = await postGraphQL<{ redeemPoints: MovementView }>(loyalty.url, REDEEM, {
      input: { customerId: id, points: 25, reason: 'voucher', idempotencyKey: `spend-${id}` },
    });
    expect(redeemed.data?.redeemPoints.balance).toBe(5);
    await publish(profileEvents.reversal('CANCELLED', id, '2030-06-03T09:00:00Z', 'spend-o1', '30'));
    const account = await readAccount(loyalty.url, id);
    expect(account!.points).toBe(0);
    expect(account!.ledger.edges[0]!.node).toMatchObject({ type: 'REVERSAL', points: -5, shortfall: 25 });
    expect((await loyaltyEvents(pointsReversedV1.type, id))[0]!.data).toMatchObject({ orderId: 'spend-o1', points: 5, shortfall: 25, balance: 0 });
  });
});
