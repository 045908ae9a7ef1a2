import { DEFAULT_LIFECYCLE_THRESHOLDS, stageChanges, type CustomerStageState } from '../index';

const NOW = new Date('2030-06-15T12:00:00.000Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const customer = (overrides: Partial<CustomerStageState>): CustomerStageState => ({
  customerId: 'c',
  firstActiveAt: daysBefore(400),
  lastActiveAt: daysBefore(5),
  reactivatedAt: null,
  signedUpAt: null,
  firstSeenAt: daysBefore(400),
  stage: 'ACTIVE',
  ...overrides,
});

describe('stageChanges', () => {
  it('lists only the customers whose stage moved, with days inactive', () => {
    const changes = stageChanges(
      [customer({ customerId: 'still-active' }), customer({ customerId: 'gone-quiet', lastActiveAt: daysBefore(100) }), customer({ customerId: 'first', stage: null })],
      NOW,
      DEFAULT_LIFECYCLE_THRESHOLDS,
    );
    expect(changes).toEqual([
      { customerId: 'gone-quiet', from: 'ACTIVE', to: 'DORMANT', daysInactive: 100, at: NOW },
      { customerId: 'first', from: null, to: 'ACTIVE', daysInactive: 5, at: NOW },
    ]);
  });
});
