import { customerRegisteredV1 } from '@rekindle/contracts';
import { postGraphQL, readStream, startTestStack, type TestGateway, type TestStack } from '@rekindle/platform-testing';

describe('gateway + profile, in process', () => {
  let stack: TestStack<'profile'> & { gateway: TestGateway };
  let gatewayUrl: string;

  beforeAll(async () => {
    stack = await startTestStack(['profile'], { label: 'e2e', gateway: true });
    gatewayUrl = stack.gateway.url;
  });
  afterAll(() => stack?.stop());

  it('upserts customers through the gateway, reads them back, and sees each registered event once on JetStream', async () => {
    const customers = Array.from({ length: 25 }, (_, i) => ({ externalId: `e2e-${i}`, email: `c${i}@example.com`, region: 'North' }));
    const upsert = await postGraphQL<{ upsertCustomers: { created: number; results: { customer: { id: string } }[] } }>(
      gatewayUrl,
      'mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { created results { customer { id } } } }',
      { input: { customers } },
    );
    expect(upsert.errors).toBeUndefined();
    expect(upsert.data?.upsertCustomers.created).toBe(25);

    const id = upsert.data!.upsertCustomers.results[3]!.customer.id;
    const read = await postGraphQL(gatewayUrl, `query($id: ID!) {
      customer(id: $id) { externalId email region }
      customers(first: 5, filter: { search: "example.com" }) { totalCount edges { node { externalId } } }
    }`, { id });
    expect(read.errors).toBeUndefined();
    expect(read.data).toMatchObject({
      customer: { externalId: 'e2e-3', email: 'c3@example.com', region: 'North' },
      customers: { totalCount: 25 },
    });

    const retry = await postGraphQL<{ upsertCustomers: { created: number } }>(
      gatewayUrl,
      'mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { created unchanged } }',
      { input: { customers } },
    );
    expect(retry.data?.upsertCustomers).toEqual({ created: 0, unchanged: 25 });

    // Each new customer also gets its first lifecycle stage (lifecycle.changed): 50 events in all.
    const events = await readStream(stack.bus, 'profile', { expected: 50, timeoutMs: 10_000 });
    expect(events).toHaveLength(50);
    const registered = events.filter((e) => e.type === customerRegisteredV1.type);
    expect(registered).toHaveLength(25);
    expect(new Set(registered.map((e) => e.subject))).toEqual(new Set(upsert.data!.upsertCustomers.results.map((r) => r.customer.id)));
  });

  it('passes a partner bad input back as BAD_USER_INPUT naming the item and field', async () => {
    const result = await postGraphQL(
      gatewayUrl,
      'mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { created } }',
      { input: { customers: [{ externalId: 'ok-1' }, { externalId: 'bad', email: 'no-at-sign' }] } },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customers[1].email' });
    const check = await postGraphQL(gatewayUrl, '{ customerByExternalId(externalId: "ok-1") { id } }');
    expect(check.data).toEqual({ customerByExternalId: null });
  });

  it('rejects an unknown input field at the gateway with BAD_USER_INPUT naming it', async () => {
    const result = await postGraphQL(
      gatewayUrl,
      'mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { created } }',
      { input: { customers: [{ externalId: 'x', favouriteColour: 'red' }] } },
    );
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(String(result.errors?.[0]?.extensions?.['field'])).toContain('favouriteColour');
  });
});
