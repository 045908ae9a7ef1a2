import { randomUUID } from 'node:crypto';
import { pointsRedeemedV1 } from '@rekindle/contracts';
import {
  createTestBus,
  postGraphQL,
  profileEvents,
  publishProfileEvents,
  readStream,
  startTestService,
  waitUntilConsumed,
  waitUntilPublished,
  type GraphQLResponse,
  type TestBus,
  type TestService,
} from '@rekindle/platform-testing';
import { ADJUST, readAccount, REDEEM, type MovementView } from '../testing/loyalty-test-kit';
import type { LoyaltyService } from '../loyalty-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';

describe('redeemPoints and adjustPoints (real PostgreSQL/NATS)', () => {
  let bus: TestBus;
  let loyalty: TestService<LoyaltyService>;
  const redeem = (input: Record<string, unknown>) => postGraphQL<{ redeemPoints: MovementView }>(loyalty.url, REDEEM, { input });
  const adjust = (input: Record<string, unknown>) => postGraphQL<{ adjustPoints: MovementView }>(loyalty.url, ADJUST, { input });
  const member = async () => {
    const id = randomUUID();
    await publishProfileEvents(bus, [profileEvents.registered(id, '2030-06-01T09:00:00Z')]);
    await waitUntilConsumed(bus);
    return id;
  };

  beforeAll(async () => {
    bus = await createTestBus('loyalty_redeem');
    loyalty = await startTestService(serviceDefinition, { label: 'loyalty_redeem', busPrefix: bus.prefix, now: NOW });
  });
  afterAll(async () => {
    await loyalty?.stop();
    await bus?.cleanup();
  });

  it('lets exactly 10 of 100 concurrent redemptions of 10 through on a balance of 100; the rest get INSUFFICIENT_POINTS', async () => {
    const id = await member();
    const credit = await adjust({ customerId: id, points: 100, reason: 'welcome gift', idempotencyKey: `gift-${id}` });
    expect(credit.errors).toBeUndefined();
    expect(credit.data?.adjustPoints).toMatchObject({ balance: 100, replayed: false, entry: { type: 'ADJUST', points: 100, expiresAt: '2031-06-15T12:00:00.000Z' } });

    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => redeem({ customerId: id, points: 10, reason: 'coffee', idempotencyKey: `coffee-${id}-${i}` })),
    );
    const succeeded = results.filter((r) => r.data?.redeemPoints);
    const refused = results.filter((r) => r.errors);
    expect(succeeded).toHaveLength(10);
    expect(refused).toHaveLength(90);
    for (const r of refused) {
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_POINTS', requested: 10, available: 0 });
    }
    expect(succeeded.map((r) => r.data!.redeemPoints.balance).sort((x, y) => x - y)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);

    const account = await readAccount(loyalty.url, id);
    expect(account).toMatchObject({ points: 0, ledger: { totalCount: 11 } });
    const [{ sum }] = await loyalty.service.dataSource.query('SELECT sum(points)::int AS sum FROM ledger_entry WHERE customer_id = $1', [id]);
    expect(sum).toBe(0);
    await waitUntilPublished(loyalty.service.dataSource);
    const redeemed = (await readStream(bus, 'loyalty', { expected: 11 })).filter((e) => e.type === pointsRedeemedV1.type && e.subject === id);
    expect(redeemed).toHaveLength(10);
  });

  it('answers a retry with the first outcome, success or refusal, and writes nothing', async () => {
    const id = await member();
    await adjust({ customerId: id, points: 15, reason: 'gift', idempotencyKey: `g-${id}` });
    const first = await redeem({ customerId: id, points: 10, reason: 'tea', idempotencyKey: `tea-${id}` });
    const refused = await redeem({ customerId: id, points: 10, reason: 'tea', idempotencyKey: `tea2-${id}` });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_POINTS', available: 5, replayed: false });
    // Points arrive meanwhile; the refused key still answers as it did.
    await adjust({ customerId: id, points: 50, reason: 'gift', idempotencyKey: `g2-${id}` });

    const again = await redeem({ customerId: id, points: 10, reason: 'tea', idempotencyKey: `tea-${id}` });
    expect(again.data?.redeemPoints).toEqual({ ...first.data!.redeemPoints, replayed: true, account: { points: 55 } });
    const refusedAgain = await redeem({ customerId: id, points: 10, reason: 'tea', idempotencyKey: `tea2-${id}` });
    expect(refusedAgain.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_POINTS', available: 5, replayed: true });

    const concurrent = await Promise.all(Array.from({ length: 5 }, () => redeem({ customerId: id, points: 5, reason: 'cake', idempotencyKey: `cake-${id}` })));
    expect(new Set(concurrent.map((r) => r.data?.redeemPoints.entry.id)).size).toBe(1);
    expect(concurrent.filter((r) => r.data?.redeemPoints.replayed === false)).toHaveLength(1);
    expect((await readAccount(loyalty.url, id))!.points).toBe(50);
  });

  it('refuses a key reused for another request, an unknown account, and bad input naming the field', async () => {
    const id = await member();
    await adjust({ customerId: id, points: 5, reason: 'gift', idempotencyKey: `k-${id}` });
    const reused = await adjust({ customerId: id, points: 6, reason: 'gift', idempotencyKey: `k-${id}` });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });

    const unknown = await redeem({ customerId: randomUUID(), points: 1, reason: 'x', idempotencyKey: `u-${id}` });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });

    const cases: [Record<string, unknown>, string][] = [
      [{ customerId: 'nope', points: 1, reason: 'x', idempotencyKey: 'b1' }, 'customerId'],
      [{ customerId: id, points: 0, reason: 'x', idempotencyKey: 'b2' }, 'points'],
      [{ customerId: id, points: -3, reason: 'x', idempotencyKey: 'b3' }, 'points'],
      [{ customerId: id, points: 1, reason: '  ', idempotencyKey: 'b4' }, 'reason'],
      [{ customerId: id, points: 1, reason: 'x', idempotencyKey: '' }, 'idempotencyKey'],
    ];
    for (const [input, field] of cases) {
      const result: GraphQLResponse<unknown> = await redeem(input);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const zero = await adjust({ customerId: id, points: 0, reason: 'x', idempotencyKey: 'b5' });
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'points' });
  });

  it('adjusts down like a redemption (never below zero) and keeps the ledger append-only', async () => {
    const id = await member();
    await adjust({ customerId: id, points: 30, reason: 'gift', idempotencyKey: `a-${id}` });
    const tooMuch = await adjust({ customerId: id, points: -31, reason: 'fix', idempotencyKey: `a2-${id}` });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_POINTS', requested: 31, available: 30 });
    const down = await adjust({ customerId: id, points: -30, reason: 'fix', idempotencyKey: `a3-${id}` });
    expect(down.data?.adjustPoints).toMatchObject({ balance: 0, entry: { type: 'ADJUST', points: -30, expiresAt: null } });
    await expect(loyalty.service.dataSource.query('UPDATE ledger_entry SET points = 0 WHERE customer_id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(loyalty.service.dataSource.query('DELETE FROM ledger_entry WHERE customer_id = $1', [id])).rejects.toThrow(/append-only/);
  });
});
