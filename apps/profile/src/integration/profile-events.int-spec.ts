import type { CloudEvent } from '@rekindle/contracts';
import {
  createTestBus,
  customerEvent,
  daysBefore,
  postGraphQL,
  profileEvents,
  readStream,
  recordEvents,
  startTestService,
  type TestBus,
  type TestService,
} from '@rekindle/platform-testing';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';
const UPSERT = 'mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { results { customer { id } } } }';

/** What the builder can know of an event: all of it but the id profile derives and the request's traceparent. */
const comparable = ({ id: _id, traceparent: _traceparent, ...event }: CloudEvent) => event;
const inOrder = (events: CloudEvent[]) => events.map(comparable).sort((a, b) => `${a.type} ${a.time}`.localeCompare(`${b.type} ${b.time}`));

/**
 * platform-testing's profileEvents, which the services that read profile's events test with, hold
 * to what profile itself publishes for the same input: the same CloudEvents but for their ids.
 */
describe("profileEvents: profile's events as profile emits them", () => {
  let bus: TestBus;
  let profile: TestService<ProfileService>;

  beforeAll(async () => {
    bus = await createTestBus('profile_fixtures');
    profile = await startTestService(serviceDefinition, { label: 'profile_fixtures', now: NOW, busPrefix: bus.prefix });
  });
  afterAll(async () => {
    await profile?.stop();
    await bus?.cleanup();
  });

  it('builds what profile publishes for a registration, an update, a login, an order, a refund and a cancellation', async () => {
    const upsert = (birthDate: string) => postGraphQL<{ upsertCustomers: { results: { customer: { id: string } }[] } }>(profile.url, UPSERT, {
      input: { customers: [{ externalId: 'fixture', birthDate }] },
    });
    const id = (await upsert('1990-06-20')).data!.upsertCustomers.results[0]!.customer.id;
    await upsert('1990-01-20');
    const [loggedIn, ordered, refunded, cancelled] = [4, 3, 2, 1].map((days) => daysBefore(NOW, days)) as [string, string, string, string];
    const line = { productId: 'p1', quantity: 1, unitPrice: '21.5' };
    const recorded = await recordEvents(profile, [
      { ...customerEvent('fixture', 'LOGIN', loggedIn), eventId: 'fixture-login' },
      { ...customerEvent('fixture', 'ORDER_PLACED', ordered, { orderPlaced: { orderId: 'fixture-o1', currency: 'GBP', lines: [line] } }), eventId: 'fixture-order' },
      { ...customerEvent('fixture', 'ORDER_REFUNDED', refunded, { orderRefunded: { orderId: 'fixture-o1', amount: '5.25' } }), eventId: 'fixture-refund' },
      { ...customerEvent('fixture', 'ORDER_CANCELLED', cancelled, { orderCancelled: { orderId: 'fixture-o1', amount: '16.25' } }), eventId: 'fixture-cancel' },
    ]);
    expect(recorded.data?.recordEvents.accepted).toBe(4);

    const built = [
      profileEvents.registered(id, NOW, '1990-06-20', 'fixture'),
      profileEvents.updated(id, NOW, '1990-01-20', 'fixture'),
      profileEvents.login(id, loggedIn, { eventId: 'fixture-login' }),
      ...profileEvents.order(id, ordered, 'fixture-o1', '21.5', { eventId: 'fixture-order' }),
      ...profileEvents.reversal('REFUNDED', id, refunded, 'fixture-o1', '5.25', { eventId: 'fixture-refund' }),
      ...profileEvents.reversal('CANCELLED', id, cancelled, 'fixture-o1', '16.25', { eventId: 'fixture-cancel' }),
    ];
    const types = new Set(built.map((event) => event.type));
    // Profile also publishes lifecycle changes, which no builder makes.
    const published = (await readStream(bus, 'profile', { expected: built.length })).filter((event) => types.has(event.type));
    expect(inOrder(published)).toEqual(inOrder(built));
  });
});
