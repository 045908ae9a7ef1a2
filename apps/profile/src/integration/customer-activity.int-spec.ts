import { customerEvent, daysBefore, login, order, postGraphQL, recordEvents, startTestService, type TestService } from '@rekindle/platform-testing';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';

const ACTIVITY = `query($id: String!) { customerByExternalId(externalId: $id) {
  activity {
    lastActiveAt lastLoginAt lastOrderAt
    logins { last30Days last90Days last180Days }
    pageViews { last30Days last90Days last180Days }
    averageBrowseDepthLast30Days averageBrowseDepthPrevious30Days
    ordersLast365Days ordersAllTime netRevenueLast365Days netRevenueAllTime averageOrderValue purchaseCycleDays
    topCategories { category orderLines quantity }
    openComplaints shares socialInteractions
  }
  events(first: 3, types: [LOGIN]) { edges { node { type occurredAt } } pageInfo { hasNextPage endCursor } }
} }`;

describe('Customer.activity and Customer.events', () => {
  let profile: TestService<ProfileService>;

  beforeAll(async () => {
    profile = await startTestService(serviceDefinition, { label: 'profile_activity', now: NOW });
    const c = 'ann';
    const events = [
      ...[5, 40, 100, 200].map((d) => login(c, daysBefore(NOW, d))),
      login(c, daysBefore(NOW, 10)),
      customerEvent(c, 'PAGE_VIEW', daysBefore(NOW, 3), { pageView: { path: '/a', depth: 2 } }),
      customerEvent(c, 'PAGE_VIEW', daysBefore(NOW, 4), { pageView: { path: '/a/b', depth: 4 } }),
      customerEvent(c, 'PAGE_VIEW', daysBefore(NOW, 45), { pageView: { path: '/', depth: 1 } }),
      order(c, daysBefore(NOW, 400), 'ann-1', [{ quantity: 1, unitPrice: '100', category: 'lamps' }]),
      order(c, daysBefore(NOW, 100), 'ann-2', [{ quantity: 2, unitPrice: '10.10', category: 'mugs' }, { quantity: 1, unitPrice: '5', category: 'lamps' }]),
      order(c, daysBefore(NOW, 40), 'ann-3', [{ quantity: 3, unitPrice: '0.10', category: 'mugs' }]),
      customerEvent(c, 'ORDER_CANCELLED', daysBefore(NOW, 39), { orderCancelled: { orderId: 'ann-3', amount: '0.30' } }),
      customerEvent(c, 'ORDER_REFUNDED', daysBefore(NOW, 99), { orderRefunded: { orderId: 'ann-2', amount: '5.05' } }),
      customerEvent(c, 'COMPLAINT_OPENED', daysBefore(NOW, 50), { complaintOpened: { ticketId: 'ann-t1', topic: 'broken' } }),
      customerEvent(c, 'COMPLAINT_OPENED', daysBefore(NOW, 20), { complaintOpened: { ticketId: 'ann-t2', topic: 'late' } }),
      customerEvent(c, 'COMPLAINT_RESOLVED', daysBefore(NOW, 19), { complaintResolved: { ticketId: 'ann-t1', topic: 'broken' } }),
      customerEvent(c, 'CONTENT_SHARED', daysBefore(NOW, 2), { contentShared: { channel: 'email' } }),
      customerEvent(c, 'SOCIAL_INTERACTION', daysBefore(NOW, 1), { socialInteraction: { kind: 'comment' } }),
    ];
    // Two calls, out of time order, to show the summary does not depend on arrival order.
    await recordEvents(profile, events.slice(8));
    await recordEvents(profile, events.slice(0, 8));
  });
  afterAll(() => profile.stop());

  it('summarises windows, orders net of cancellations and refunds, complaints and shares', async () => {
    const result = await postGraphQL<{ customerByExternalId: { activity: Record<string, unknown> } }>(profile.url, ACTIVITY, { id: 'ann' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.customerByExternalId.activity).toEqual({
      lastActiveAt: daysBefore(NOW, 1),
      lastLoginAt: daysBefore(NOW, 5),
      lastOrderAt: daysBefore(NOW, 40),
      logins: { last30Days: 2, last90Days: 3, last180Days: 4 },
      pageViews: { last30Days: 2, last90Days: 3, last180Days: 3 },
      averageBrowseDepthLast30Days: 3,
      averageBrowseDepthPrevious30Days: 1,
      ordersLast365Days: 2,
      ordersAllTime: 3,
      // 25.20 + 0.30 - 0.30 - 5.05 in the year; + 100 all time
      netRevenueLast365Days: '20.15',
      netRevenueAllTime: '120.15',
      averageOrderValue: '40.05',
      // gaps of 300 and 60 days
      purchaseCycleDays: 180,
      // equal order lines: more units first
      topCategories: [
        { category: 'mugs', orderLines: 2, quantity: 5 },
        { category: 'lamps', orderLines: 2, quantity: 2 },
      ],
      openComplaints: 1,
      shares: 1,
      socialInteractions: 1,
    });
  });

  it('pages through events newest first, filtered by type', async () => {
    type Page = { customerByExternalId: { events: { edges: { node: { occurredAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const first = await postGraphQL<Page>(profile.url, ACTIVITY, { id: 'ann' });
    const page = first.data!.customerByExternalId.events;
    expect(page.edges.map((e) => e.node.occurredAt)).toEqual([5, 10, 40].map((d) => daysBefore(NOW, d)));
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await postGraphQL<{ customerByExternalId: { events: { edges: { node: { occurredAt: string } }[]; pageInfo: { hasNextPage: boolean } } } }>(
      profile.url,
      'query($after: String) { customerByExternalId(externalId: "ann") { events(first: 3, types: [LOGIN], after: $after) { edges { node { occurredAt } } pageInfo { hasNextPage } } } }',
      { after: page.pageInfo.endCursor },
    );
    expect(next.data?.customerByExternalId.events.edges.map((e) => e.node.occurredAt)).toEqual([100, 200].map((d) => daysBefore(NOW, d)));
    expect(next.data?.customerByExternalId.events.pageInfo.hasNextPage).toBe(false);
  });

  it('answers a hand-made events cursor as BAD_USER_INPUT on after', async () => {
    const after = Buffer.from(JSON.stringify(['not-a-time', 'ev-1'])).toString('base64url');
    const result = await postGraphQL(
      profile.url,
      'query($after: String) { customerByExternalId(externalId: "ann") { events(first: 3, after: $after) { edges { node { occurredAt } } } } }',
      { after },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
