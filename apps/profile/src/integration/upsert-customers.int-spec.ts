import { customerRegisteredV1, customerUpdatedV1 } from '@rekindle/contracts';
import { outboxEvents, postGraphQL, startTestService, type GraphQLResponse, type TestService } from '@rekindle/platform-testing';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

const UPSERT = `mutation Upsert($input: UpsertCustomersInput!) {
  upsertCustomers(input: $input) {
    created updated unchanged
    results { index externalId status customer { id externalId email name birthDate signedUpAt attributes } }
  }
}`;

interface UpsertData {
  upsertCustomers: {
    created: number;
    updated: number;
    unchanged: number;
    results: { index: number; externalId: string; status: string; customer: Record<string, unknown> & { id: string } }[];
  };
}

describe('upsertCustomers (profile subgraph, real PostgreSQL/NATS/Redis)', () => {
  let profile: TestService<ProfileService>;
  const upsert = (customers: unknown[]) => postGraphQL<UpsertData>(profile.url, UPSERT, { input: { customers } });
  const count = async (table: string) =>
    ((await profile.service.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]?.n;

  beforeAll(async () => {
    profile = await startTestService(serviceDefinition, { label: 'profile_upsert' });
  });
  afterAll(() => profile.stop());

  it('creates customers, then reports a retry as unchanged and emits nothing more', async () => {
    const batch = [
      { externalId: 'u-1', email: 'One@Example.com', name: 'One', birthDate: '1990-04-05', attributes: { tier: 'a' } },
      { externalId: 'u-2', signedUpAt: '2011-01-02T03:04:05Z' },
    ];
    const first = await upsert(batch);
    expect(first.errors).toBeUndefined();
    expect(first.data?.upsertCustomers).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(first.data?.upsertCustomers.results[0]).toMatchObject({
      index: 0,
      status: 'CREATED',
      customer: { externalId: 'u-1', email: 'one@example.com', birthDate: '1990-04-05', attributes: { tier: 'a' } },
    });
    expect(first.data?.upsertCustomers.results[1]?.customer.signedUpAt).toBe('2011-01-02T03:04:05.000Z');
    const outboxAfterFirst = await count('outbox');

    const retry = await upsert(batch);
    expect(retry.data?.upsertCustomers).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(retry.data?.upsertCustomers.results.map((r) => r.customer.id)).toEqual(first.data?.upsertCustomers.results.map((r) => r.customer.id));
    expect(await count('outbox')).toBe(outboxAfterFirst);
  });

  it('changes only what was sent and records which fields changed', async () => {
    await upsert([{ externalId: 'u-3', name: 'Three', city: 'York' }]);
    const result = await upsert([{ externalId: 'u-3', city: 'Leeds' }]);
    expect(result.data?.upsertCustomers.results[0]).toMatchObject({ status: 'UPDATED', customer: { name: 'Three' } });
    const updates = (await outboxEvents(profile.service.dataSource, customerUpdatedV1.type)).filter(
      (e) => (e.data as { customer: { externalId: string } }).customer.externalId === 'u-3',
    );
    expect(updates.map((e) => e.data)).toEqual([
      expect.objectContaining({ changedFields: ['city'], customer: expect.objectContaining({ name: 'Three', city: 'Leeds' }) }),
    ]);
  });

  it.each([
    ['a malformed email', [{ externalId: 'bad-1' }, { externalId: 'bad-2', email: 'nope' }], 'customers[1].email'],
    ['an empty externalId', [{ externalId: '   ' }], 'customers[0].externalId'],
    ['a repeated externalId', [{ externalId: 'bad-3' }, { externalId: 'bad-3' }], 'customers[1].externalId'],
  ])('rejects %s with BAD_USER_INPUT naming the item and field, writing nothing', async (_case, customers, field) => {
    const before = { customers: await count('customer'), outbox: await count('outbox') };
    const result = await upsert(customers);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect({ customers: await count('customer'), outbox: await count('outbox') }).toEqual(before);
  });

  it('rejects 10,001 customers in one call and accepts 10,000', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ externalId: `bulk-${i}` }));
    const tooMany = await upsert(many(10_001));
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customers' });
    expect(await count(`customer WHERE external_id LIKE 'bulk-%'`)).toBe(0);
    const ok = await upsert(many(10_000));
    expect(ok.data?.upsertCustomers.created).toBe(10_000);
  });

  it('rejects an unknown input field with BAD_USER_INPUT naming it', async () => {
    const result: GraphQLResponse<UpsertData> = await upsert([{ externalId: 'x-1', nickname: 'X' }]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(result.errors?.[0]?.extensions?.['field'])).toContain('nickname');
    expect(await count(`customer WHERE external_id = 'x-1'`)).toBe(0);
  });

  it('creates each customer once when the same new customers are upserted concurrently', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => ({ externalId: `race-${i}`, name: `Racer ${i}` }));
    const results = await Promise.all(Array.from({ length: 6 }, () => upsert(batch)));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(results.reduce((sum, r) => sum + (r.data?.upsertCustomers.created ?? 0), 0)).toBe(50);
    expect(await count(`customer WHERE external_id LIKE 'race-%'`)).toBe(50);
    const registered = await outboxEvents(profile.service.dataSource, customerRegisteredV1.type);
    expect(registered.filter((e) => (e.data as { customer: { externalId: string } }).customer.externalId.startsWith('race-'))).toHaveLength(50);
  });
});
