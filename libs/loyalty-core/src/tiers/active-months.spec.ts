import { activeMonths, consecutiveActiveMonths, inactiveMonthsInTier } from '../index';

describe('activeMonths', () => {
  it('collects the UTC months holding an activity', () => {
    const months = activeMonths([new Date('2024-01-31T23:59:59.999Z'), new Date('2024-02-01T00:00:00Z'), new Date('2024-02-15T00:00:00Z'), new Date('2024-03-01T00:30:00+01:00')]);
    expect([...months].sort()).toEqual(['2024-01', '2024-02']);
  });
});

describe('consecutiveActiveMonths', () => {
  const active = new Set(['2023-11', '2023-12', '2024-01', '2024-03']);

  it('counts back from the month itself, across years', () => {
    expect(consecutiveActiveMonths(active, '2024-01')).toBe(3);
    expect(consecutiveActiveMonths(active, '2023-11')).toBe(1);
    expect(consecutiveActiveMonths(active, '2024-03')).toBe(1);
  });

  it('is 0 for an inactive month', () => {
    expect(consecutiveActiveMonths(active, '2024-02')).toBe(0);
    expect(consecutiveActiveMonths(new Set(), '2024-02')).toBe(0);
  });
});

describe('inactiveMonthsInTier', () => {
  const active = new Set(['2024-01']);

  it('counts inactive months back from the month, up to the last active one', () => {
    expect(inactiveMonthsInTier(active, '2024-04', new Date('2020-01-01T00:00:00Z'))).toBe(3);
    expect(inactiveMonthsInTier(active, '2024-01', new Date('2020-01-01T00:00:00Z'))).toBe(0);
  });

  it('counts only whole months spent in the current tier', () => {
    expect(inactiveMonthsInTier(active, '2024-04', new Date('2024-03-01T00:00:00Z'))).toBe(2);
    expect(inactiveMonthsInTier(active, '2024-04', new Date('2024-03-01T00:00:00.001Z'))).toBe(1);
    expect(inactiveMonthsInTier(active, '2024-04', new Date('2024-05-01T00:00:00Z'))).toBe(0);
  });
});
