import {
  activityRecordedV1,
  customerRegisteredV1,
  lifecycleChangedV1,
  orderCancelledV1,
  orderPlacedV1,
  orderRefundedV1,
  parseEvent,
  type EventContract,
} from '@rekindle/contracts';
import { customerEvent, daysBefore, login, order, readStream, recordEvents, startTestService, type TestService } from '@rekindle/platform-testing';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';

describe('recordEvents (profile subgraph, real PostgreSQL/NATS)', () => {
  let profile: TestService<ProfileService>;
  const record = (events: unknown[]) => recordEvents(profile, events);
  const count = async (sql: string) => ((await profile.service.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`)) as { n: number }[])[0]?.n;

  beforeAll(async () => {
    profile = await startTestService(serviceDefinition, { label: 'profile_events_in', now: NOW });
  });
  afterAll(() => profile.stop());

  it('accepts every event type, creates the unknown customer, and publishes activity through the outbox', async () => {
    const at = daysBefore(NOW, 1);
    const events = [
      login('all-types', at),
      customerEvent('all-types', 'PAGE_VIEW', at, { pageView: { path: '/shop', depth: 2 } }),
      customerEvent('all-types', 'SEARCH', at, { search: { query: 'mugs' } }),
      customerEvent('all-types', 'ADD_TO_CART', at, { addToCart: { productId: 'p1', quantity: 2 } }),
      order('all-types', at, 'all-o1', [{ quantity: 2, unitPrice: '3.50', category: 'kitchen' }]),
      customerEvent('all-types', 'ORDER_CANCELLED', at, { orderCancelled: { orderId: 'all-o1', amount: '1.00' } }),
      customerEvent('all-types', 'ORDER_REFUNDED', at, { orderRefunded: { orderId: 'all-o1', amount: '2' } }),
      customerEvent('all-types', 'COMPLAINT_OPENED', at, { complaintOpened: { ticketId: 't1', topic: 'late' } }),
      customerEvent('all-types', 'COMPLAINT_RESOLVED', at, { complaintResolved: { ticketId: 't1', topic: 'late' } }),
      customerEvent('all-types', 'REVIEW_SUBMITTED', at, { reviewSubmitted: { productId: 'p1', rating: 4 } }),
      customerEvent('all-types', 'CONTENT_SHARED', at, { contentShared: { channel: 'whatsapp' } }),
      customerEvent('all-types', 'SOCIAL_INTERACTION', at, { socialInteraction: { kind: 'like' } }),
      customerEvent('all-types', 'CUSTOM', at, { custom: { name: 'quiz', properties: { score: 7 } } }),
    ];
    const result = await record(events);
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordEvents).toEqual({ accepted: 13, duplicates: 0, customersCreated: 1, rejected: [] });
    expect(await count('customer_event')).toBe(13);
    const published = await readStream(profile.service.bus, 'profile', { expected: 18 });
    const types = published.reduce<Record<string, number>>((n, e) => ({ ...n, [e.type]: (n[e.type] ?? 0) + 1 }), {});
    expect(types).toEqual({
      [activityRecordedV1.type]: 13,
      [orderPlacedV1.type]: 1,
      [orderCancelledV1.type]: 1,
      [orderRefundedV1.type]: 1,
      [customerRegisteredV1.type]: 1,
      [lifecycleChangedV1.type]: 1,
    });
    // Republished from the event log without re-validation: each must still honour its contract.
    const contracts: EventContract[] = [activityRecordedV1, orderPlacedV1, orderCancelledV1, orderRefundedV1];
    for (const event of published) {
      const contract = contracts.find((c) => c.type === event.type);
      if (contract) expect(() => parseEvent(contract, event)).not.toThrow();
    }
    const placed = published.find((e) => e.type === orderPlacedV1.type);
    expect(placed?.data).toMatchObject({ orderId: 'all-o1', total: '7', lines: [{ quantity: 2, unitPrice: '3.5', category: 'kitchen' }] });
    const share = published.find((e) => e.type === activityRecordedV1.type && (e.data as { activityType: string }).activityType === 'CONTENT_SHARED');
    expect(share?.data).toMatchObject({ eventId: events[10]?.eventId, data: { channel: 'whatsapp' } });
  });

  it('reports a repeated event as a duplicate and changes nothing', async () => {
    const events = [login('dup', daysBefore(NOW, 3)), order('dup', daysBefore(NOW, 3), 'dup-o1', [{ quantity: 1, unitPrice: '10' }])];
    await record(events);
    const state = async () => ({
      events: await count('customer_event'),
      outbox: await count('outbox'),
      orders: await count('customer_order'),
      cursors: await profile.service.dataSource.query('SELECT reader, xid::text, seq FROM event_cursor ORDER BY reader'),
    });
    const before = await state();
    const again = await record(events);
    expect(again.data?.recordEvents).toEqual({ accepted: 0, duplicates: 2, customersCreated: 0, rejected: [] });
    expect(await state()).toEqual(before);
  });

  it('rejects bad events one by one without blocking the good ones', async () => {
    const good = login('mixed', daysBefore(NOW, 2));
    const result = await record([
      good,
      customerEvent('mixed', 'PAGE_VIEW', daysBefore(NOW, 2)),
      order('mixed', daysBefore(NOW, 2), 'mixed-o1', [{ quantity: 1, unitPrice: '-1' }]),
      customerEvent('mixed', 'LOGIN', '2031-01-01T00:00:00Z'),
      { ...good },
      customerEvent('  ', 'LOGIN', daysBefore(NOW, 2)),
    ]);
    expect(result.errors).toBeUndefined();
    const { accepted, rejected } = result.data!.recordEvents;
    expect(accepted).toBe(1);
    expect(rejected.map((r) => [r.index, r.code, r.field])).toEqual([
      [1, 'BAD_USER_INPUT', 'events[1].pageView'],
      [2, 'BAD_USER_INPUT', 'events[2].orderPlaced.lines[0].unitPrice'],
      [3, 'BAD_USER_INPUT', 'events[3].occurredAt'],
      [4, 'DUPLICATE_IN_BATCH', 'events[4].eventId'],
      [5, 'BAD_USER_INPUT', 'events[5].customerExternalId'],
    ]);
    expect(await count(`customer_order WHERE order_id = 'mixed-o1'`)).toBe(0);
  });

  it('rejects more than 5,000 events in one call as a whole', async () => {
    const events = Array.from({ length: 5001 }, (_, i) => login(`many-${i}`, daysBefore(NOW, 1)));
    const result = await record(events);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    expect(await count(`customer WHERE external_id LIKE 'many-%'`)).toBe(0);
  });

  it('applies concurrent batches for the same new customer: registered once, no count lost', async () => {
    const batches = Array.from({ length: 5 }, (_, b) =>
      Array.from({ length: 20 }, (_, i) => customerEvent('busy', 'CONTENT_SHARED', daysBefore(NOW, 1, b + i / 100), { contentShared: { channel: 'x' } })),
    );
    const results = await Promise.all(batches.map((events) => record(events)));
    expect(results.reduce((n, r) => n + (r.data?.recordEvents.accepted ?? 0), 0)).toBe(100);
    // The five calls raced to register the unknown customer: one did.
    expect(results.reduce((n, r) => n + (r.data?.recordEvents.customersCreated ?? 0), 0)).toBe(1);
    expect(await count(`customer WHERE external_id = 'busy'`)).toBe(1);
    const [row] = await profile.service.dataSource.query(
      `SELECT a.shares FROM customer_activity a JOIN customer c ON c.id = a.customer_id WHERE c.external_id = 'busy'`,
    );
    expect(row.shares).toBe(100);
  });

  it('creates thousands of new customers in concurrent calls without running out of lock slots', async () => {
    // PostgreSQL holds max_locks_per_transaction (64) × max_connections lock slots for everyone; a
    // lock per new customer ran out when a few calls of 5,000 new customers overlapped.
    const at = daysBefore(NOW, 2);
    const call = (k: number) => record(Array.from({ length: 5_000 }, (_, i) => login(`bulk-${k}-${i}`, at)));
    const results = await Promise.all([1, 2, 3].map(call));
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.recordEvents).toMatchObject({ accepted: 5_000, customersCreated: 5_000, rejected: [] });
    }
    expect(await count(`customer WHERE external_id LIKE 'bulk-%'`)).toBe(15_000);
  });
});
