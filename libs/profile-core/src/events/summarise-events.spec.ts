import { summariseEvents, type CustomerEvent } from '../index';

const event = (e: Partial<CustomerEvent> & Pick<CustomerEvent, 'type' | 'data'>): CustomerEvent =>
  ({ eventId: Math.random().toString(36), customerExternalId: 'ann', occurredAt: '2024-03-01T10:00:00.000Z', ...e }) as CustomerEvent;

describe('summariseEvents', () => {
  it('folds a batch into per-customer, per-day and per-category deltas', () => {
    const summary = summariseEvents([
      event({ type: 'LOGIN', data: { channel: null }, occurredAt: '2024-03-01T09:00:00.000Z' }),
      event({ type: 'LOGIN', data: { channel: 'app' }, occurredAt: '2024-03-02T09:00:00.000Z' }),
      event({ type: 'PAGE_VIEW', data: { path: '/a', depth: 2 } }),
      event({ type: 'PAGE_VIEW', data: { path: '/a/b', depth: 3 } }),
      event({
        type: 'ORDER_PLACED',
        occurredAt: '2024-03-01T12:00:00.000Z',
        data: {
          orderId: 'o1',
          currency: 'GBP',
          total: '7',
          lines: [
            { productId: 'p1', category: 'mugs', quantity: 2, unitPrice: '2' },
            { productId: 'p2', category: 'mugs', quantity: 1, unitPrice: '3' },
            { productId: 'p3', category: null, quantity: 1, unitPrice: '0' },
          ],
        },
      }),
      event({ type: 'CONTENT_SHARED', data: { channel: 'x' } }),
      event({ type: 'SOCIAL_INTERACTION', data: { kind: 'like' }, customerExternalId: 'bob' }),
    ]);
    expect(summary.customers).toEqual([
      {
        customerExternalId: 'ann',
        activityTimes: expect.any(Array),
        lastLoginAt: new Date('2024-03-02T09:00:00.000Z'),
        lastOrderAt: new Date('2024-03-01T12:00:00.000Z'),
        shares: 1,
        socialInteractions: 0,
      },
      { customerExternalId: 'bob', activityTimes: [expect.any(Date)], lastLoginAt: null, lastOrderAt: null, shares: 0, socialInteractions: 1 },
    ]);
    expect(summary.customers[0]?.activityTimes).toHaveLength(6);
    expect(summary.daily).toEqual([
      { customerExternalId: 'ann', day: '2024-03-01', logins: 1, pageViews: 2, depthSum: 5 },
      { customerExternalId: 'ann', day: '2024-03-02', logins: 1, pageViews: 0, depthSum: 0 },
    ]);
    expect(summary.categories).toEqual([{ customerExternalId: 'ann', category: 'mugs', orderLines: 2, quantity: 3 }]);
  });

  it('returns empty deltas for an empty batch', () => {
    expect(summariseEvents([])).toEqual({ customers: [], daily: [], categories: [] });
  });
});
