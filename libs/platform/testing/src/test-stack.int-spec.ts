import { Client } from 'pg';
import { postGraphQL } from './graphql-client';
import { loadServiceDefinition } from './service-definitions';
import { createTestBus, streamsOf } from './test-bus';
import { testEnv } from './test-config';
import { startTestService } from './test-service';
import { startTestStack } from './test-stack';

async function schemaExists(schema: string): Promise<boolean> {
  const client = new Client({ connectionString: testEnv().DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    return rows.length === 1;
  } finally {
    await client.end();
  }
}

/** The streams of a prefix, seen from a connection of its own. */
async function streamsUnder(prefix: string): Promise<string[]> {
  const observer = await createTestBus('test_stack_observer', { prefix });
  try {
    return (await streamsOf(observer)).sort();
  } finally {
    await observer.close();
  }
}

describe('startTestStack', () => {
  it('starts services by name behind the gateway, and leaves no schema and no stream behind', async () => {
    const stack = await startTestStack(['profile', 'loyalty'], { label: 'test_stack', now: '2030-06-15T12:00:00Z', gateway: true });
    const { profile, loyalty } = stack.services;
    let stopped = false;
    try {
      const upsert = await postGraphQL<{ upsertCustomers: { created: number } }>(stack.gateway.url, 'mutation { upsertCustomers(input: { customers: [{ externalId: "kit" }] }) { created } }');
      expect(upsert.data).toEqual({ upsertCustomers: { created: 1 } });
      await stack.settle();
      const accounts = await loyalty.service.dataSource.query('SELECT count(*)::int AS n FROM loyalty_account');
      expect(accounts).toEqual([{ n: 1 }]);
      expect(profile.busPrefix).toBe(stack.bus.prefix);
      expect(loyalty.busPrefix).toBe(stack.bus.prefix);
      expect(profile.schema).not.toBe(loyalty.schema);
      expect(await streamsUnder(stack.bus.prefix)).toEqual([stack.bus.streamName('loyalty'), stack.bus.streamName('profile')]);

      await stack.stop();
      stopped = true;
      expect(await streamsUnder(stack.bus.prefix)).toEqual([]);
      expect(await Promise.all([schemaExists(profile.schema), schemaExists(loyalty.schema)])).toEqual([false, false]);
    } finally {
      if (!stopped) await stack.stop();
    }
  });

  it('deletes the streams of a service started on a prefix of its own', async () => {
    const profile = await startTestService(loadServiceDefinition('profile'), { label: 'test_stack_own' });
    expect(await streamsUnder(profile.busPrefix)).toEqual([`${profile.busPrefix}_PROFILE`.toUpperCase()]);
    await profile.stop();
    expect(await streamsUnder(profile.busPrefix)).toEqual([]);
    expect(await schemaExists(profile.schema)).toBe(false);
  });

  it('starts only the subgraphs the registry lists', async () => {
    await expect(startTestStack(['nowhere'])).rejects.toThrow('no subgraph "nowhere" in tools/registry/services.json');
    await expect(startTestStack(['gateway'])).rejects.toThrow('no subgraph "gateway" in tools/registry/services.json');
  });
});
