import { DAY_MS, isReactivation, recordActivity, type ActivityTimes } from '../index';

const t0 = new Date('2011-01-01T00:00:00Z');
const day = (n: number, extraMs = 0) => new Date(t0.getTime() + n * DAY_MS + extraMs);

describe('isReactivation', () => {
  it('needs a gap of at least 90 whole days', () => {
    expect(isReactivation(t0, day(89))).toBe(false);
    expect(isReactivation(t0, day(90, -1))).toBe(false);
    expect(isReactivation(t0, day(90))).toBe(true);
    expect(isReactivation(t0, day(400))).toBe(true);
  });

  it('never counts the first activity, nor one at or before the previous', () => {
    expect(isReactivation(null, day(400))).toBe(false);
    expect(isReactivation(day(200), day(0))).toBe(false);
    expect(isReactivation(day(200), day(200))).toBe(false);
  });

  it('takes the gap from configuration', () => {
    expect(isReactivation(t0, day(13), 14)).toBe(false);
    expect(isReactivation(t0, day(14), 14)).toBe(true);
  });
});

describe('recordActivity', () => {
  const none: ActivityTimes = { firstActivityAt: null, lastActivityAt: null, reactivatedAt: null };
  const active: ActivityTimes = { firstActivityAt: day(0), lastActivityAt: day(100), reactivatedAt: null };

  it('starts the history without a reactivation', () => {
    expect(recordActivity(none, [day(5), day(1)])).toEqual({ firstActivityAt: day(1), lastActivityAt: day(5), reactivatedAt: null });
  });

  it('records a reactivation after a gap of 90 days, not after 89', () => {
    expect(recordActivity(active, [day(189)])).toEqual({ ...active, lastActivityAt: day(189) });
    expect(recordActivity(active, [day(190)])).toEqual({ ...active, lastActivityAt: day(190), reactivatedAt: day(190) });
  });

  it('does not move lastActivityAt back nor reactivate for an older event arriving late', () => {
    expect(recordActivity(active, [day(50)])).toEqual(active);
    expect(recordActivity(active, [day(100)])).toEqual(active);
    const reactivated = { ...active, lastActivityAt: day(300), reactivatedAt: day(300) };
    expect(recordActivity(reactivated, [day(250)])).toEqual(reactivated);
  });

  it('moves firstActivityAt back for an event older than the first', () => {
    expect(recordActivity(active, [day(-10)])).toEqual({ ...active, firstActivityAt: day(-10) });
  });

  it('finds a gap inside one unsorted batch and keeps the latest reactivation', () => {
    expect(recordActivity(active, [day(400), day(101), day(250)])).toEqual({
      firstActivityAt: day(0),
      lastActivityAt: day(400),
      reactivatedAt: day(400),
    });
    expect(recordActivity(active, [day(200), day(210)])).toEqual({ ...active, lastActivityAt: day(210), reactivatedAt: day(200) });
  });

  it('does not mutate its inputs', () => {
    const batch = [day(300), day(150)];
    recordActivity(active, batch);
    expect(batch).toEqual([day(300), day(150)]);
    expect(active.lastActivityAt).toEqual(day(100));
  });
});
