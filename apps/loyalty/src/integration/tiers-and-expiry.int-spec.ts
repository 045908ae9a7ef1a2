import { randomUUID } from 'node:crypto';
import { pointsExpiredV1, tierChangedV1, type CloudEvent } from '@rekindle/contracts';
import { dropSchema } from '@rekindle/platform-database';
import {
  createTestBus,
  postGraphQL,
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
import { readAccount, REDEEM, RUN_JOBS, type RunJobsView } from '../testing/loyalty-test-kit';
import type { LoyaltyService } from '../loyalty-service';
import { serviceDefinition } from '../service-definition';

const APRIL = '2030-04-10T12:00:00.000Z';
const JUNE = '2030-06-10T12:00:00.000Z';

/**
 * Month ends driven by REKINDLE_NOW: one loyalty instance at 10 April 2030, then another on the same
 * schema and durable consumer at 10 June 2030. Profile's events are published straight to its stream.
 */
describe('tiers and expiry over months (real PostgreSQL/NATS, REKINDLE_NOW)', () => {
  const schema = uniqueTestId('loyalty_tiers');
  const [a, b, c, d, e] = Array.from({ length: 5 }, () => randomUUID());
  let bus: TestBus;
  let loyalty: TestService<LoyaltyService> | undefined;

  const start = async (now: string) => {
    await loyalty?.stop();
    loyalty = await startTestService(serviceDefinition, { label: 'loyalty_tiers', busPrefix: bus.prefix, schema, now });
    return loyalty;
  };
  const publish = async (events: CloudEvent[]) => {
    await publishProfileEvents(bus, events);
    await waitUntilConsumed(bus);
  };
  const runJobs = async () => {
    const result = await postGraphQL<RunJobsView>(loyalty!.url, RUN_JOBS);
    expect(result.errors).toBeUndefined();
    await waitUntilPublished(loyalty!.service.dataSource);
    return result.data!.runLoyaltyJobs;
  };
  const loginsIn = (customer: string, months: string[]) => months.map((m) => profileEvents.login(customer, `${m}-05T10:00:00Z`));

  beforeAll(async () => {
    bus = await createTestBus('loyalty_tiers');
  });
  afterAll(async () => {
    await loyalty?.stop();
    await bus?.cleanup();
    await dropSchema(testEnv().DATABASE_URL, schema);
  });

  it('lifts a member to SILVER after 3 consecutive active months, once, and earns with the tier held at each order', async () => {
    await start(APRIL);
    await publish([
      profileEvents.registered(a!, '2030-01-03T09:00:00Z'),
      ...loginsIn(a!, ['2030-01', '2030-02', '2030-03']),
      ...profileEvents.order(b!, '2030-03-15T10:00:00Z', 'b-o1', '100.00'),
      ...loginsIn(c!, ['2030-01', '2030-02', '2030-03']),
      ...loginsIn(d!, ['2030-01', '2030-02', '2030-03']),
      // Placed after the end of March, heard of before any month end was evaluated: worked out on the fly.
      ...profileEvents.order(d!, '2030-04-02T10:00:00Z', 'd-o1', '100.00'),
      ...profileEvents.order(e!, '2029-05-01T10:00:00Z', 'e-o1', '50'),
    ]);
    expect((await readAccount(loyalty!.url, d!))!.points).toBe(120);

    const first = await runJobs();
    expect(first).toMatchObject({ ran: true, evaluatedThrough: '2030-03', promotions: 3, demotions: 0, eventsPending: 0 });
    expect(await runJobs()).toMatchObject({ ran: true, accountsEvaluated: 0, monthsEvaluated: 0, promotions: 0, demotions: 0 });

    expect(await readAccount(loyalty!.url, a!)).toMatchObject({
      tier: 'SILVER',
      tierSince: '2030-04-01T00:00:00.000Z',
      lastEvaluatedMonth: '2030-03',
      nextTier: { tier: 'GOLD', monthsMissing: 1, growthMissing: 2000 },
      demotion: { tier: 'MEMBER', month: '2030-05', at: '2030-06-01T00:00:00.000Z' },
      privileges: [{ key: 'MEMBER_DISCOUNT', description: '5% member discount', value: '5' }],
    });
    expect((await readAccount(loyalty!.url, b!))!.tier).toBe('MEMBER');

    // SILVER now multiplies by 1.2; an order from March, heard of late, still earns at MEMBER.
    await publish([...profileEvents.order(c!, '2030-04-05T10:00:00Z', 'c-o1', '100'), ...profileEvents.order(c!, '2030-03-20T10:00:00Z', 'c-late', '100')]);
    const ledger = (await readAccount(loyalty!.url, c!))!.ledger.edges.map((edge) => [edge.node.orderId, edge.node.points]);
    expect(ledger).toEqual([
      ['c-late', 100],
      ['c-o1', 120],
    ]);
  });

  it('spends the oldest points first and reports what expires within 30 days', async () => {
    const redeemed = await postGraphQL(loyalty!.url, REDEEM, { input: { customerId: e, points: 20, reason: 'mug', idempotencyKey: `e-${e}` } });
    expect(redeemed.errors).toBeUndefined();
    expect(await readAccount(loyalty!.url, e!)).toMatchObject({ points: 30, pointsExpiringNext: { points: 30, date: '2030-05-01T10:00:00.000Z' } });
    const overview = await postGraphQL<{ loyaltyOverview: unknown }>(
      loyalty!.url,
      '{ loyaltyOverview { members byTier { tier members } pointsOutstanding pointsExpiringNext30Days asOf } }',
    );
    expect(overview.data?.loyaltyOverview).toEqual({
      members: 5,
      byTier: [
        { tier: 'MEMBER', members: 2 },
        { tier: 'SILVER', members: 3 },
        { tier: 'GOLD', members: 0 },
        { tier: 'PLATINUM', members: 0 },
      ],
      pointsOutstanding: 100 + 220 + 120 + 30,
      pointsExpiringNext30Days: 30,
      asOf: APRIL,
    });
  });

  it('drops SILVER to MEMBER after 2 inactive months, and expires what is left of year-old points', async () => {
    await start(JUNE);
    // Past its expiry, the lot is no longer spendable even before the job writes it off.
    expect((await readAccount(loyalty!.url, e!))!.points).toBe(0);

    const run = await runJobs();
    expect(run).toMatchObject({ evaluatedThrough: '2030-05', promotions: 0, demotions: 1, customersWithExpiredPoints: 1, pointsExpired: 30 });
    expect(await runJobs()).toMatchObject({ monthsEvaluated: 0, demotions: 0, customersWithExpiredPoints: 0, pointsExpired: 0 });

    expect(await readAccount(loyalty!.url, a!)).toMatchObject({ tier: 'MEMBER', tierSince: '2030-06-01T00:00:00.000Z', demotion: null, privileges: [] });
    expect((await readAccount(loyalty!.url, c!))!.tier).toBe('SILVER');
    const account = await readAccount(loyalty!.url, e!);
    expect(account!.ledger.edges.map((edge) => [edge.node.type, edge.node.points, edge.node.occurredAt])).toEqual([
      ['EXPIRE', -30, '2030-05-01T10:00:00.000Z'],
      ['REDEEM', -20, APRIL],
      ['EARN', 50, '2029-05-01T10:00:00.000Z'],
    ]);

    const events = await readStream(bus, 'loyalty', { expected: 1 });
    const changes = events.filter((event) => event.type === tierChangedV1.type && event.subject === a);
    expect(changes.map((event) => event.data)).toEqual([
      expect.objectContaining({ from: 'MEMBER', to: 'SILVER', direction: 'PROMOTED', month: '2030-03', effectiveAt: '2030-04-01T00:00:00.000Z' }),
      expect.objectContaining({ from: 'SILVER', to: 'MEMBER', direction: 'DEMOTED', month: '2030-05', effectiveAt: '2030-06-01T00:00:00.000Z' }),
    ]);
    const expired = events.filter((event) => event.type === pointsExpiredV1.type);
    expect(expired.map((event) => event.data)).toEqual([expect.objectContaining({ customerId: e, points: 30, balance: 0 })]);
  });
});
