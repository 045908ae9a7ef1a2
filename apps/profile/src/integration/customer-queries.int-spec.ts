import { postGraphQL, startTestService, type TestService } from '@rekindle/platform-testing';
import { CustomerRepository } from '../data/customer.repository';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

interface Page {
  customers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; externalId: string } }[];
  };
}

const PAGE = `query Page($first: Int, $after: String, $filter: CustomerFilter) {
  customers(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id externalId } }
  }
}`;

describe('customer queries (profile subgraph)', () => {
  let profile: TestService<ProfileService>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    profile = await startTestService(serviceDefinition, { label: 'profile_queries' });
    const customers = Array.from({ length: 55 }, (_, i) => ({
      externalId: `q-${String(i).padStart(2, '0')}`,
      name: i === 7 ? 'Zelda Quill' : `Customer ${i}`,
      email: i === 8 ? 'quill@example.com' : null,
    }));
    const result = await postGraphQL<{ upsertCustomers: { results: { externalId: string; customer: { id: string } }[] } }>(
      profile.url,
      'mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { results { externalId customer { id } } } }',
      { input: { customers } },
    );
    ids = Object.fromEntries(result.data!.upsertCustomers.results.map((r) => [r.externalId, r.customer.id]));
  });
  afterAll(() => profile.stop());

  it('finds a customer by id and by external id, and answers null for an unknown one', async () => {
    const result = await postGraphQL(profile.url, `query($id: ID!) {
      byId: customer(id: $id) { externalId name }
      byExternal: customerByExternalId(externalId: "q-07") { id }
      missing: customerByExternalId(externalId: "nobody") { id }
    }`, { id: ids['q-07'] });
    expect(result.data).toEqual({ byId: { externalId: 'q-07', name: 'Zelda Quill' }, byExternal: { id: ids['q-07'] }, missing: null });
  });

  it('rejects a malformed id with BAD_USER_INPUT on the id argument', async () => {
    const result = await postGraphQL(profile.url, '{ customer(id: "42") { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('pages through every customer exactly once with keyset cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: { data?: Page | null } = await postGraphQL<Page>(profile.url, PAGE, { first: 20, after });
      const page: Page['customers'] = result.data!.customers;
      expect(page.totalCount).toBe(55);
      seen.push(...page.edges.map((e) => e.node.externalId));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(55);
    expect(new Set(seen).size).toBe(55);
  });

  it('filters by search text and by external ids', async () => {
    const search = await postGraphQL<Page>(profile.url, PAGE, { filter: { search: 'quill' } });
    expect(search.data?.customers.edges.map((e) => e.node.externalId).sort()).toEqual(['q-07', 'q-08']);
    const byIds = await postGraphQL<Page>(profile.url, PAGE, { filter: { externalIds: ['q-01', 'q-02', 'none'] } });
    expect(byIds.data?.customers.totalCount).toBe(2);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
  ])('rejects bad paging arguments %j', async (variables, field) => {
    const result = await postGraphQL(profile.url, PAGE, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it.each([
    ['a time that is not one', ['not-a-time', '0f8fad5b-d9cb-469f-a165-70867728950e']],
    ['an id that is not a UUID', ['2030-01-01T00:00:00.000Z', 'x']],
  ])('answers a hand-made cursor with %s as BAD_USER_INPUT on after', async (_what, keys) => {
    const after = Buffer.from(JSON.stringify(keys)).toString('base64url');
    const result = await postGraphQL(profile.url, PAGE, { after });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves 50 entity references with one query (DataLoader)', async () => {
    const findByIds = jest.spyOn(CustomerRepository.prototype, 'findByIds');
    const representations = Object.values(ids).slice(0, 50).map((id) => ({ __typename: 'Customer', id }));
    const result = await postGraphQL<{ _entities: { externalId: string }[] }>(
      profile.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { externalId } } }',
      { r: representations },
    );
    expect(result.data?._entities).toHaveLength(50);
    expect(result.data?._entities.every((e) => e.externalId.startsWith('q-'))).toBe(true);
    expect(findByIds).toHaveBeenCalledTimes(1);
    findByIds.mockRestore();
  });
});
