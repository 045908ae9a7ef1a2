import { customerRegisteredV1, lifecycleChangedV1 } from '@rekindle/contracts';
import {
  createTestBus,
  postGraphQL,
  readStream,
  startPrivateNatsServer,
  startTestService,
  type TestBus,
  type TestService,
} from '@rekindle/platform-testing';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

const UPSERT = 'mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { created } }';
const customers = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ externalId: `ev-${from + i}` }));

describe('customer events on JetStream', () => {
  let bus: TestBus;
  let profile: TestService<ProfileService>;

  beforeAll(async () => {
    bus = await createTestBus('profile_events');
    profile = await startTestService(serviceDefinition, { label: 'profile_events', busPrefix: bus.prefix });
  });
  afterAll(async () => {
    await profile.stop();
    await bus.cleanup();
  });

  it('publishes one registered and one first-stage event per new customer, once', async () => {
    await postGraphQL(profile.url, UPSERT, { input: { customers: customers(0, 30) } });
    await postGraphQL(profile.url, UPSERT, { input: { customers: customers(0, 30) } });
    const events = await readStream(bus, 'profile', { expected: 60, timeoutMs: 10_000 });
    expect(events).toHaveLength(60);
    const registered = events.filter((e) => e.type === customerRegisteredV1.type);
    expect(registered).toHaveLength(30);
    expect(registered.every((e) => e.source === 'rekindle/profile')).toBe(true);
    expect(new Set(registered.map((e) => e.subject)).size).toBe(30);
    const stages = events.filter((e) => e.type === lifecycleChangedV1.type);
    expect(stages.map((e) => e.data)).toEqual(Array(30).fill(expect.objectContaining({ from: null, to: 'NEW' })));
    const pending = await profile.service.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    expect(pending[0].n).toBe(0);
  });
});

describe('a NATS outage during upserts', () => {
  it('loses no event and publishes none twice', async () => {
    const nats = await startPrivateNatsServer();
    const bus = await createTestBus('profile_outage', { url: nats.url });
    const profile = await startTestService(serviceDefinition, { label: 'profile_outage', NATS_URL: nats.url, busPrefix: bus.prefix });
    try {
      for (let batch = 0; batch < 10; batch += 1) {
        if (batch === 3) await nats.stop();
        const result = await postGraphQL<{ upsertCustomers: { created: number } }>(profile.url, UPSERT, {
          input: { customers: customers(batch * 100, 100) },
        });
        expect(result.data?.upsertCustomers.created).toBe(100);
      }
      await nats.start();
      // Each new customer publishes customer.registered and lifecycle.changed (none -> NEW).
      const events = await readStream(bus, 'profile', { expected: 2000, timeoutMs: 30_000 });
      expect(events).toHaveLength(2000);
      expect(new Set(events.map((e) => e.id)).size).toBe(2000);
      const registered = events.filter((e) => e.type === customerRegisteredV1.type);
      expect(new Set(registered.map((e) => e.subject)).size).toBe(1000);
    } finally {
      await profile.stop();
      await bus.cleanup();
      await nats.close();
    }
  });
});
