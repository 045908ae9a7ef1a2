import { DEFAULT_LOYALTY_PROGRAM, demotionOutlook, evaluateHistory, nextTier, type TierKey } from '../index';

const program = DEFAULT_LOYALTY_PROGRAM;
const at = (iso: string) => new Date(iso);
const next = (tier: TierKey, active: string[], growth: number, now: string) => nextTier({ tier, activeMonthsSet: new Set(active), growthLast12Months: growth, now: at(now), program });

describe('nextTier', () => {
  it('counts the months still needed, the current one once it is active', () => {
    expect(next('MEMBER', [], 0, '2024-03-10T00:00:00Z')).toEqual({ tier: 'SILVER', monthsMissing: 3, growthMissing: 0, activeMonthsRequired: 3, growthRequired: 0, consecutiveActiveMonths: 0 });
    expect(next('MEMBER', ['2024-01', '2024-02'], 0, '2024-03-10T00:00:00Z')).toMatchObject({ monthsMissing: 1, consecutiveActiveMonths: 2 });
    expect(next('MEMBER', ['2024-01', '2024-02', '2024-03'], 0, '2024-03-10T00:00:00Z')).toMatchObject({ monthsMissing: 0, consecutiveActiveMonths: 3 });
    expect(next('MEMBER', ['2024-03'], 0, '2024-03-10T00:00:00Z')).toMatchObject({ monthsMissing: 2 });
  });

  it('still needs the current month when the streak is long enough but this month is not active yet', () => {
    expect(next('SILVER', ['2023-12', '2024-01', '2024-02'], 500, '2024-03-01T00:00:00Z')).toMatchObject({ tier: 'GOLD', monthsMissing: 1, growthMissing: 1_500 });
  });

  it('says how much growth is missing', () => {
    expect(next('GOLD', ['2024-03'], 12_000, '2024-03-10T00:00:00Z')).toMatchObject({ tier: 'PLATINUM', monthsMissing: 5, growthMissing: 0 });
    expect(next('SILVER', ['2024-03'], -100, '2024-03-10T00:00:00Z')).toMatchObject({ growthMissing: 2_000 });
  });

  it('is null at the top', () => {
    expect(next('PLATINUM', [], 0, '2024-03-10T00:00:00Z')).toBeNull();
  });

  it('agrees with the month-end evaluation: nothing missing means promoted at this month end', () => {
    const active = new Set(['2024-01', '2024-02', '2024-03']);
    expect(next('MEMBER', [...active], 0, '2024-03-31T23:59:59.999Z')).toMatchObject({ monthsMissing: 0, growthMissing: 0 });
    const result = evaluateHistory({ tier: 'MEMBER', tierSince: at('2024-01-01T00:00:00Z'), lastEvaluatedMonth: '2024-02', startMonth: '2024-01', now: at('2024-04-01T00:00:00Z'), activeMonthsSet: active, growthByMonth: new Map(), program });
    expect(result.tier).toBe('SILVER');
  });
});

describe('demotionOutlook', () => {
  const goldSinceApril = { tier: 'GOLD' as const, tierSince: at('2024-04-01T00:00:00Z'), program };

  it('says at which month end the tier lapses without activity', () => {
    // Active in April; May inactive; June not active yet: GOLD lapses at the end of June.
    expect(demotionOutlook({ ...goldSinceApril, activeMonthsSet: new Set(['2024-04']), now: at('2024-06-10T00:00:00Z') })).toEqual({
      tier: 'SILVER',
      month: '2024-06',
      at: at('2024-07-01T00:00:00Z'),
    });
  });

  it('puts it off by the full count after an activity this month', () => {
    expect(demotionOutlook({ ...goldSinceApril, activeMonthsSet: new Set(['2024-06']), now: at('2024-06-10T00:00:00Z') })).toMatchObject({ month: '2024-08' });
  });

  it('counts only months spent in the tier', () => {
    // Just promoted at the end of March: April and May must both pass inactive.
    expect(demotionOutlook({ ...goldSinceApril, activeMonthsSet: new Set(['2024-03']), now: at('2024-04-02T00:00:00Z') })).toMatchObject({ month: '2024-05' });
    // Given mid-April by hand: April does not count.
    expect(demotionOutlook({ ...goldSinceApril, tierSince: at('2024-04-15T00:00:00Z'), activeMonthsSet: new Set(), now: at('2024-04-20T00:00:00Z') })).toMatchObject({ month: '2024-06' });
  });

  it('agrees with the month-end evaluation', () => {
    const activeMonthsSet = new Set(['2024-04']);
    const outlook = demotionOutlook({ ...goldSinceApril, activeMonthsSet, now: at('2024-05-20T00:00:00Z') });
    const result = evaluateHistory({ ...goldSinceApril, lastEvaluatedMonth: '2024-03', startMonth: '2024-04', now: outlook!.at, activeMonthsSet, growthByMonth: new Map() });
    expect(result.changes.map((c) => [c.month, c.tier])).toEqual([[outlook!.month, outlook!.tier]]);
  });

  it('is null in the lowest tier', () => {
    expect(demotionOutlook({ tier: 'MEMBER', tierSince: at('2024-01-01T00:00:00Z'), activeMonthsSet: new Set(), now: at('2024-06-01T00:00:00Z'), program })).toBeNull();
  });
});
