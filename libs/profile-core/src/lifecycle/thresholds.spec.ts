import { DEFAULT_LIFECYCLE_THRESHOLDS, lifecycleThresholdsSchema } from '../index';

describe('lifecycleThresholdsSchema', () => {
  it('defaults to 30/90/180/365, NEW 30, gap 90, REACTIVATED 30', () => {
    expect(DEFAULT_LIFECYCLE_THRESHOLDS).toEqual({
      earlyDormantDays: 30,
      dormantDays: 90,
      deepDormantDays: 180,
      silentDays: 365,
      newWindowDays: 30,
      reactivationGapDays: 90,
      reactivatedWindowDays: 30,
    });
  });

  it('reads numbers sent as strings, as environment variables are', () => {
    expect(lifecycleThresholdsSchema.parse({ silentDays: '400', newWindowDays: '14' })).toMatchObject({ silentDays: 400, newWindowDays: 14 });
  });

  it.each([
    [{ earlyDormantDays: 0 }, 'earlyDormantDays', 'must be positive'],
    [{ reactivatedWindowDays: -5 }, 'reactivatedWindowDays', 'must be positive'],
    [{ dormantDays: 90.5 }, 'dormantDays', 'must be a whole number of days'],
    [{ newWindowDays: '30; DROP TABLE x' }, 'newWindowDays', 'must be a number of days'],
    [{ dormantDays: 30 }, 'dormantDays', 'must increase strictly'],
    [{ deepDormantDays: 400 }, 'dormantDays', 'must increase strictly'],
    [{ newWindowDays: 91 }, 'newWindowDays', 'must not exceed reactivationGapDays'],
    [{ reactivationGapDays: 29 }, 'newWindowDays', 'must not exceed reactivationGapDays'],
  ])('refuses %j', (input, field, message) => {
    const result = lifecycleThresholdsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [field], message: expect.stringContaining(message) })]);
  });

  it('refuses unknown settings', () => {
    expect(lifecycleThresholdsSchema.safeParse({ dormantDay: 90 }).success).toBe(false);
  });

  it('accepts a new window equal to the gap', () => {
    expect(lifecycleThresholdsSchema.safeParse({ newWindowDays: 90 }).success).toBe(true);
  });
});
