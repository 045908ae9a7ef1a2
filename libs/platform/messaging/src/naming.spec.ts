import { assertValidPrefix, prefixedSubject, producerOfSubject, streamNameOf, subjectOfType } from './naming';
import { backoffFor, retryDelay } from './backoff';

describe('naming', () => {
  it('derives the NATS subject from the CloudEvents type', () => {
    expect(subjectOfType('rekindle.profile.customer.registered.v1')).toBe('profile.customer.registered.v1');
    expect(subjectOfType('rekindle.campaign.coupon.redeemed_late.v12')).toBe('campaign.coupon.redeemed_late.v12');
    expect(() => subjectOfType('profile.customer.registered.v1')).toThrow(/not a Rekindle event type/);
    expect(() => subjectOfType('rekindle.profile.customer.registered')).toThrow(/not a Rekindle event type/);
  });

  it('prefixes subjects and stream names only under a test prefix', () => {
    expect(prefixedSubject('', 'profile.>')).toBe('profile.>');
    expect(prefixedSubject('t_x_1a2b3c4d', 'profile.>')).toBe('t_x_1a2b3c4d.profile.>');
    expect(streamNameOf('', 'profile')).toBe('PROFILE');
    expect(streamNameOf('t_x_1a2b3c4d', 'profile')).toBe('T_X_1A2B3C4D_PROFILE');
    expect(producerOfSubject('loyalty.points.earned.v1')).toBe('loyalty');
  });

  it('rejects prefixes that would break subjects or stream names', () => {
    expect(() => assertValidPrefix('')).not.toThrow();
    expect(() => assertValidPrefix('t_x_1a2b3c4d')).not.toThrow();
    for (const bad of ['a.b', 'A', 'x>', 'with space', '1abc']) expect(() => assertValidPrefix(bad)).toThrow(/bus prefix/);
  });
});

describe('backoff', () => {
  it('takes the delay for each attempt from the list and repeats its last entry', () => {
    const list = [500, 2000, 10000];
    expect([1, 2, 3, 4, 9].map((attempt) => backoffFor(attempt, list))).toEqual([500, 2000, 10000, 10000, 10000]);
    expect(backoffFor(1, [])).toBe(0);
  });

  it('doubles the retry delay per failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => retryDelay(failures, 200, 5000))).toEqual([200, 400, 800, 1600, 3200, 5000]);
  });
});
