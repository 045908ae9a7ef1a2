import { DAY_MS, daysInactive, lifecycleStage, lifecycleThresholdsSchema, type LifecycleFacts } from '../index';

const now = new Date('2011-12-10T00:00:00Z');
const ago = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY_MS - extraMs);
const longAgo = new Date('2009-01-01T00:00:00Z');

/** A customer known for years whose only recent fact is the last activity `days` ago. */
const lastActiveDaysAgo = (days: number, extraMs = 0): LifecycleFacts => ({
  now,
  lastActivityAt: ago(days, extraMs),
  firstActivityAt: longAgo,
  signedUpAt: null,
  firstSeenAt: longAgo,
  reactivatedAt: null,
});

describe('daysInactive', () => {
  it('counts whole days since the last activity, flooring partial days', () => {
    expect(daysInactive(ago(30), null, longAgo, now)).toBe(30);
    expect(daysInactive(ago(29, DAY_MS - 1), null, longAgo, now)).toBe(29);
    expect(daysInactive(ago(0), null, longAgo, now)).toBe(0);
  });

  it('falls back to signup, then to first seen, when there is no activity', () => {
    expect(daysInactive(null, ago(45), ago(2), now)).toBe(45);
    expect(daysInactive(null, null, ago(2), now)).toBe(2);
    expect(daysInactive(ago(3), ago(45), ago(2), now)).toBe(3);
  });

  it('counts activity stamped slightly ahead of now as 0 days, not -1', () => {
    expect(daysInactive(new Date(now.getTime() + 60_000), null, longAgo, now)).toBe(0);
  });
});

describe('lifecycleStage by days inactive', () => {
  it.each([
    [0, 'ACTIVE'],
    [29, 'ACTIVE'],
    [30, 'EARLY_DORMANT'],
    [89, 'EARLY_DORMANT'],
    [90, 'DORMANT'],
    [179, 'DORMANT'],
    [180, 'DEEP_DORMANT'],
    [364, 'DEEP_DORMANT'],
    [365, 'SILENT'],
    [1000, 'SILENT'],
  ] as const)('%i days inactive is %s', (days, stage) => {
    expect(lifecycleStage(lastActiveDaysAgo(days))).toBe(stage);
  });

  it('keeps the lower stage until the whole day has passed', () => {
    expect(lifecycleStage(lastActiveDaysAgo(29, DAY_MS - 1))).toBe('ACTIVE');
    expect(lifecycleStage(lastActiveDaysAgo(364, DAY_MS - 1))).toBe('DEEP_DORMANT');
  });

  it('honours configured thresholds', () => {
    const weekly = lifecycleThresholdsSchema.parse({ earlyDormantDays: 7, dormantDays: 14, deepDormantDays: 21, silentDays: 28 });
    expect(lifecycleStage(lastActiveDaysAgo(6), weekly)).toBe('ACTIVE');
    expect(lifecycleStage(lastActiveDaysAgo(7), weekly)).toBe('EARLY_DORMANT');
    expect(lifecycleStage(lastActiveDaysAgo(14), weekly)).toBe('DORMANT');
    expect(lifecycleStage(lastActiveDaysAgo(21), weekly)).toBe('DEEP_DORMANT');
    expect(lifecycleStage(lastActiveDaysAgo(28), weekly)).toBe('SILENT');
  });
});

describe('lifecycleStage: NEW', () => {
  it('is NEW while the first activity is under 30 days old', () => {
    const facts = (days: number, extraMs = 0): LifecycleFacts => ({
      ...lastActiveDaysAgo(0),
      firstActivityAt: ago(days, extraMs),
      firstSeenAt: ago(days, extraMs),
    });
    expect(lifecycleStage(facts(0))).toBe('NEW');
    expect(lifecycleStage(facts(29))).toBe('NEW');
    expect(lifecycleStage(facts(29, DAY_MS - 1))).toBe('NEW');
    expect(lifecycleStage(facts(30))).toBe('ACTIVE');
  });

  it('falls back to signup, then to first seen, and leaves NEW for the stage of d', () => {
    const neverActive = (signedUpAt: Date | null, firstSeenAt: Date): LifecycleFacts => ({
      now,
      lastActivityAt: null,
      firstActivityAt: null,
      signedUpAt,
      firstSeenAt,
      reactivatedAt: null,
    });
    expect(lifecycleStage(neverActive(ago(29), ago(1)))).toBe('NEW');
    expect(lifecycleStage(neverActive(ago(30), ago(1)))).toBe('EARLY_DORMANT');
    expect(lifecycleStage(neverActive(null, ago(29)))).toBe('NEW');
    expect(lifecycleStage(neverActive(null, ago(30)))).toBe('EARLY_DORMANT');
    expect(lifecycleStage(neverActive(null, ago(400)))).toBe('SILENT');
  });

  it('uses the earliest known start: an old signup or imported history is not NEW', () => {
    const trackedLate = { ...lastActiveDaysAgo(1), firstActivityAt: ago(1), firstSeenAt: ago(1), signedUpAt: ago(900) };
    expect(lifecycleStage(trackedLate)).toBe('ACTIVE');
    const imported = { ...lastActiveDaysAgo(100), firstActivityAt: ago(370), firstSeenAt: ago(0) };
    expect(lifecycleStage(imported)).toBe('DORMANT');
  });
});

describe('lifecycleStage: REACTIVATED', () => {
  const reactivated = (days: number, extraMs = 0): LifecycleFacts => ({
    ...lastActiveDaysAgo(days, extraMs),
    reactivatedAt: ago(days, extraMs),
  });

  it('holds from day 0 to day 29 after the reactivation, then the stage of d applies', () => {
    expect(lifecycleStage(reactivated(0))).toBe('REACTIVATED');
    expect(lifecycleStage(reactivated(29))).toBe('REACTIVATED');
    expect(lifecycleStage(reactivated(29, DAY_MS - 1))).toBe('REACTIVATED');
    expect(lifecycleStage(reactivated(30))).toBe('EARLY_DORMANT');
    expect(lifecycleStage({ ...reactivated(30), lastActivityAt: ago(2) })).toBe('ACTIVE');
  });

  it('overrides the stage of d even when activity continued', () => {
    expect(lifecycleStage({ ...reactivated(10), lastActivityAt: ago(1) })).toBe('REACTIVATED');
  });

  it('gives way to NEW: a customer younger than 30 days is never REACTIVATED', () => {
    const inconsistent = { ...lastActiveDaysAgo(0), firstActivityAt: ago(20), firstSeenAt: ago(20), reactivatedAt: ago(5) };
    expect(lifecycleStage(inconsistent)).toBe('NEW');
  });
});
