import { customerRegisteredV1 } from '@rekindle/contracts';
import { createTestBus, postGraphQL, readStream, startPrivateNatsServer, type TestBus } from '@rekindle/platform-testing';
import { startTestProfile, type TestProfile } from './testing/start-test-profile';

const UPSERT = 'mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { created } }';
const customers = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ externalId: `ev-${from + i}` }));

describe('customer events on JetStream', () => {
  let bus: TestBus;
  let profile: TestProfile;

  beforeAll(async () => {
    bus = await createTestBus('profile_events');
    profile = await startTestProfile('profile_events', { busPrefix: bus.prefix });
  });
  afterAll(async () => {
    await profile.stop();
    await bus.cleanup();
  });

  it('publishes one registered event per new customer, once, with the event id as message id', async () => {
    await postGraphQL(profile.url, UPSERT, { input: { customers: customers(0, 30) } });
    await postGraphQL(profile.url, UPSERT, { input: { customers: customers(0, 30) } });
    const events = await readStream(bus, 'profile', { expected: 30, timeoutMs: 10_000 });
    expect(events).toHaveLength(30);
    expect(events.every((e) => e.type === customerRegisteredV1.type && e.source === 'rekindle/profile')).toBe(true);
    expect(new Set(events.map((e) => e.subject)).size).toBe(30);
    const pending = await profile.service.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    expect(pending[0].n).toBe(0);
  });
});

describe('a NATS outage during upserts', () => {
  it('loses no event and publishes none twice', async () => {
    const nats = await startPrivateNatsServer();
    const bus = await createTestBus('profile_outage', { url: nats.url });
    const profile = await startTestProfile('profile_outage', { NATS_URL: nats.url, busPrefix: bus.prefix });
    try {
      for (let batch = 0; batch < 10; batch += 1) {
        if (batch === 3) await nats.stop();
        const result = await postGraphQL<{ upsertCustomers: { created: number } }>(profile.url, UPSERT, {
          input: { customers: customers(batch * 100, 100) },
        });
        expect(result.data?.upsertCustomers.created).toBe(100);
      }
      await nats.start();
      const events = await readStream(bus, 'profile', { expected: 1000, timeoutMs: 30_000 });
      expect(events).toHaveLength(1000);
      expect(new Set(events.map((e) => e.id)).size).toBe(1000);
      expect(new Set(events.map((e) => e.subject)).size).toBe(1000);
    } finally {
      await profile.stop();
      await bus.cleanup();
      await nats.close();
    }
  });
});
