import {
  customerEvent,
  order,
  postGraphQL,
  RECORD_EVENTS,
  startTestStack,
  type RecordEventsData,
  type TestGateway,
  type TestStack,
} from '@rekindle/platform-testing';

const NOW = '2030-06-15T12:00:00.000Z';

const LOYALTY = `loyalty { tier points growthValue pointsExpiringNext { points date } nextTier { tier monthsMissing growthMissing } privileges { key }
  ledger(first: 5) { totalCount pageInfo { hasNextPage } edges { node { type points orderId } } } }`;

interface LoyaltyView {
  tier: string;
  points: number;
  growthValue: number;
  pointsExpiringNext: { points: number; date: string } | null;
  nextTier: { tier: string; monthsMissing: number; growthMissing: number } | null;
  ledger: { totalCount: number; edges: { node: { type: string; points: number; orderId: string | null } }[] };
}

describe('gateway + profile + loyalty, in process', () => {
  let stack: TestStack<'profile' | 'loyalty'> & { gateway: TestGateway };
  let gatewayUrl: string;

  const record = async (events: unknown[]) => {
    const result = await postGraphQL<RecordEventsData>(gatewayUrl, RECORD_EVENTS, { input: { events } });
    expect(result.errors).toBeUndefined();
    return result.data!.recordEvents;
  };
  const settled = () => stack.settle();
  const customer = async (externalId: string) => {
    const result = await postGraphQL<{ customerByExternalId: { id: string; externalId: string; loyalty: LoyaltyView | null } }>(
      gatewayUrl,
      `query($e: String!) { customerByExternalId(externalId: $e) { id externalId ${LOYALTY} } }`,
      { e: externalId },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.customerByExternalId;
  };

  beforeAll(async () => {
    stack = await startTestStack(['profile', 'loyalty'], { label: 'e2e_loyalty', now: NOW, gateway: true });
    gatewayUrl = stack.gateway.url;
  });
  afterAll(() => stack?.stop());

  const firstOrder = order('e2e-loyal', '2030-06-01T10:00:00Z', 'e2e-o1', [{ quantity: 3, unitPrice: '12.40' }]);

  it('shows an ORDER_PLACED recorded through the gateway as points on Customer.loyalty', async () => {
    expect(await record([firstOrder])).toMatchObject({ accepted: 1, customersCreated: 1 });
    await settled();
    const read = await customer('e2e-loyal');
    expect(read.loyalty).toEqual({
      tier: 'MEMBER',
      points: 37,
      growthValue: 37,
      pointsExpiringNext: { points: 37, date: '2031-06-01T10:00:00.000Z' },
      nextTier: { tier: 'SILVER', monthsMissing: 2, growthMissing: 0 },
      privileges: [],
      ledger: { totalCount: 1, pageInfo: { hasNextPage: false }, edges: [{ node: { type: 'EARN', points: 37, orderId: 'e2e-o1' } }] },
    });
  });

  it('changes nothing when the same events are recorded again, and reverses a cancellation', async () => {
    expect(await record([firstOrder])).toMatchObject({ accepted: 0, duplicates: 1 });
    await settled();
    expect((await customer('e2e-loyal')).loyalty).toMatchObject({ points: 37, ledger: { totalCount: 1 } });

    await record([customerEvent('e2e-loyal', 'ORDER_CANCELLED', '2030-06-02T10:00:00Z', { orderCancelled: { orderId: 'e2e-o1', amount: '37.20' } })]);
    await settled();
    const after = (await customer('e2e-loyal')).loyalty!;
    expect(after).toMatchObject({ points: 0, growthValue: 0, pointsExpiringNext: null });
    expect(after.ledger.edges.map((e) => [e.node.type, e.node.points])).toEqual([
      ['REVERSAL', -37],
      ['EARN', 37],
    ]);
  });

  it('doubles the points of an order in the birthday month profile knows', async () => {
    const upsert = await postGraphQL(gatewayUrl, 'mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { created } }', {
      input: { customers: [{ externalId: 'e2e-june', birthDate: '1990-06-20' }, { externalId: 'e2e-january', birthDate: '1990-01-20' }] },
    });
    expect(upsert.errors).toBeUndefined();
    await settled();
    await record([
      order('e2e-june', '2030-06-12T12:00:00Z', 'e2e-bday-1', [{ quantity: 1, unitPrice: '50.75' }]),
      order('e2e-january', '2030-06-12T12:00:00Z', 'e2e-bday-2', [{ quantity: 1, unitPrice: '50.75' }]),
    ]);
    await settled();
    expect((await customer('e2e-june')).loyalty?.points).toBe(100);
    expect((await customer('e2e-january')).loyalty?.points).toBe(50);
  });

  it('redeems through the gateway, refusing what the balance cannot cover', async () => {
    await record([order('e2e-redeemer', '2030-06-03T10:00:00Z', 'e2e-o2', [{ quantity: 1, unitPrice: '25' }])]);
    await settled();
    const { id } = await customer('e2e-redeemer');
    const redeem = (points: number, key: string) =>
      postGraphQL<{ redeemPoints: { balance: number; account: { points: number } } }>(
        gatewayUrl,
        'mutation($input: RedeemPointsInput!) { redeemPoints(input: $input) { balance account { points } } }',
        { input: { customerId: id, points, reason: 'gift card', idempotencyKey: key } },
      );
    expect((await redeem(20, 'e2e-r1')).data?.redeemPoints).toEqual({ balance: 5, account: { points: 5 } });
    const refused = await redeem(20, 'e2e-r2');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_POINTS', available: 5 });
  });

  it('loads the loyalty of a page of 50 customers with a fixed number of queries, not one per customer', async () => {
    await record(Array.from({ length: 48 }, (_, i) => order(`e2e-page-${i}`, '2030-06-04T10:00:00Z', `e2e-page-o${i}`, [{ quantity: 1, unitPrice: `${i + 1}` }])));
    await settled();
    const page = (first: number) =>
      postGraphQL<{ customers: { edges: { node: { externalId: string; loyalty: LoyaltyView | null } }[] } }>(
        gatewayUrl,
        `query($first: Int!) { customers(first: $first) { edges { node { externalId ${LOYALTY} } } } }`,
        { first },
      );
    const queries = jest.spyOn(stack.services.loyalty.service.dataSource, 'query');
    // The outbox relay polls on its own; only the queries the request causes count.
    const requestQueries = () => queries.mock.calls.filter(([sql]) => !String(sql).includes('outbox')).length;
    const small = await page(5);
    const forFive = requestQueries();
    queries.mockClear();
    const large = await page(50);
    const forFifty = requestQueries();
    queries.mockRestore();

    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data!.customers.edges).toHaveLength(50);
    expect(large.data!.customers.edges.every((e) => e.node.loyalty !== null)).toBe(true);
    // Which 50 come first depends on creation order; every e2e-page-i among them earned i + 1 points.
    const pageCustomers = large.data!.customers.edges.filter((e) => e.node.externalId.startsWith('e2e-page-'));
    expect(pageCustomers.length).toBeGreaterThanOrEqual(45);
    for (const { node } of pageCustomers) expect([node.externalId, node.loyalty?.points]).toEqual([node.externalId, Number(node.externalId.slice(9)) + 1]);
    expect(forFifty).toBe(forFive);
    expect(forFifty).toBeLessThanOrEqual(8);
  });
});
