import { summariseActivity, type ActivityFact } from '../index';

const at = (iso: string) => Date.parse(iso);
const fact = (type: string, occurredAt: string, customerId = 'ann'): ActivityFact => ({ customerId, type, occurredAtMs: at(occurredAt) });

describe('summariseActivity', () => {
  it('folds events into one delta per customer: every activity time, latest login and order, share and social counts', () => {
    const deltas = summariseActivity([
      fact('LOGIN', '2024-03-02T09:00:00.000Z'),
      fact('LOGIN', '2024-03-01T09:00:00.000Z'),
      fact('PAGE_VIEW', '2024-03-03T10:00:00.000Z'),
      fact('ORDER_PLACED', '2024-03-01T12:00:00.000Z'),
      fact('ORDER_PLACED', '2024-02-01T12:00:00.000Z'),
      fact('CONTENT_SHARED', '2024-03-01T10:00:00.000Z'),
      fact('SOCIAL_INTERACTION', '2024-03-01T10:00:00.000Z', 'bob'),
    ]);
    expect(deltas).toEqual([
      {
        customerId: 'ann',
        activityTimes: expect.any(Array),
        lastLoginAt: new Date('2024-03-02T09:00:00.000Z'),
        lastOrderAt: new Date('2024-03-01T12:00:00.000Z'),
        shares: 1,
        socialInteractions: 0,
      },
      { customerId: 'bob', activityTimes: [new Date('2024-03-01T10:00:00.000Z')], lastLoginAt: null, lastOrderAt: null, shares: 0, socialInteractions: 1 },
    ]);
    expect(deltas[0]?.activityTimes).toHaveLength(6);
  });

  it('returns no deltas for no events', () => {
    expect(summariseActivity([])).toEqual([]);
  });
});
