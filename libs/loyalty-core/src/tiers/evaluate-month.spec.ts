import { DEFAULT_LOYALTY_PROGRAM, evaluateMonth, initialTierState, type MonthInput, type TierKey } from '../index';

const program = DEFAULT_LOYALTY_PROGRAM;
const since = (iso: string) => new Date(iso);
const input = (tier: TierKey, month: string, active: string[], growth = 0, over: Partial<MonthInput> = {}): MonthInput => ({
  tier,
  tierSince: since('2000-01-01T00:00:00Z'),
  lastEvaluatedMonth: null,
  month,
  activeMonthsSet: new Set(active),
  growthLast12Months: growth,
  program,
  ...over,
});

describe('evaluateMonth: promotion', () => {
  const q1 = ['2024-01', '2024-02', '2024-03'];

  it('lifts MEMBER to SILVER at the end of the third consecutive active month, not the second', () => {
    expect(evaluateMonth(input('MEMBER', '2024-02', q1))).toMatchObject({ tier: 'MEMBER', change: 'UNCHANGED', consecutiveActiveMonths: 2, lastEvaluatedMonth: '2024-02' });
    const third = evaluateMonth(input('MEMBER', '2024-03', q1));
    expect(third).toMatchObject({
      from: 'MEMBER',
      tier: 'SILVER',
      change: 'PROMOTED',
      tierSince: since('2024-04-01T00:00:00Z'),
      lastEvaluatedMonth: '2024-03',
      skipped: false,
      rule: { kind: 'PROMOTION', from: 'MEMBER', to: 'SILVER', activeMonths: 3, growthValue: 0 },
    });
    expect(third.reason).toBe('MEMBER -> SILVER: 3 consecutive active months (needs 3) and growth 0 in the last 12 months (needs 0)');
  });

  it('needs the months to be consecutive and to include the evaluated month', () => {
    expect(evaluateMonth(input('MEMBER', '2024-03', ['2023-12', '2024-01', '2024-03'])).change).toBe('UNCHANGED');
    expect(evaluateMonth(input('MEMBER', '2024-04', q1))).toMatchObject({ change: 'UNCHANGED', consecutiveActiveMonths: 0 });
  });

  it('lifts SILVER to GOLD only with both the months and the growth', () => {
    expect(evaluateMonth(input('SILVER', '2024-03', q1, 1_999))).toMatchObject({ tier: 'SILVER', reason: 'GOLD needs more: growth 1999 of 2000; 0 of 2 inactive months in SILVER' });
    expect(evaluateMonth(input('SILVER', '2024-03', q1.slice(1), 50_000))).toMatchObject({ tier: 'SILVER', reason: expect.stringContaining('2 of 3 consecutive active months') });
    expect(evaluateMonth(input('SILVER', '2024-03', q1, 2_000))).toMatchObject({ tier: 'GOLD', change: 'PROMOTED' });
  });

  it('lifts GOLD to PLATINUM after 6 active months and 10,000 growth', () => {
    const half = ['2023-10', '2023-11', '2023-12', ...q1];
    expect(evaluateMonth(input('GOLD', '2024-03', half.slice(1), 10_000)).tier).toBe('GOLD');
    expect(evaluateMonth(input('GOLD', '2024-03', half, 9_999)).tier).toBe('GOLD');
    expect(evaluateMonth(input('GOLD', '2024-03', half, 10_000)).tier).toBe('PLATINUM');
  });

  it('moves at most one tier per month end, however far the customer qualifies', () => {
    const year = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
    expect(evaluateMonth(input('MEMBER', '2023-12', year, 1_000_000))).toMatchObject({ tier: 'SILVER' });
  });

  it('keeps PLATINUM, the top tier, while active', () => {
    expect(evaluateMonth(input('PLATINUM', '2024-03', q1, 99_999))).toMatchObject({ tier: 'PLATINUM', change: 'UNCHANGED', rule: null, reason: 'PLATINUM is the top tier; 0 of 2 inactive months in PLATINUM' });
  });
});

describe('evaluateMonth: demotion', () => {
  const goldSince = { tierSince: since('2024-04-01T00:00:00Z') };

  it('drops one tier after 2 consecutive inactive months, and again after 2 more', () => {
    const active = ['2024-03'];
    expect(evaluateMonth(input('GOLD', '2024-04', active, 0, goldSince))).toMatchObject({ tier: 'GOLD', inactiveMonthsInTier: 1 });
    const may = evaluateMonth(input('GOLD', '2024-05', active, 0, goldSince));
    expect(may).toMatchObject({
      tier: 'SILVER',
      change: 'DEMOTED',
      tierSince: since('2024-06-01T00:00:00Z'),
      rule: { kind: 'DEMOTION', from: 'GOLD', to: 'SILVER', inactiveMonths: 2 },
      reason: 'GOLD -> SILVER: 2 consecutive inactive months in GOLD (drops after 2)',
    });
    expect(evaluateMonth(input('SILVER', '2024-06', active, 0, { tierSince: may.tierSince }))).toMatchObject({ tier: 'SILVER', inactiveMonthsInTier: 1 });
    expect(evaluateMonth(input('SILVER', '2024-07', active, 0, { tierSince: may.tierSince }))).toMatchObject({ tier: 'MEMBER', change: 'DEMOTED' });
  });

  it('never drops below MEMBER', () => {
    expect(evaluateMonth(input('MEMBER', '2024-12', [], 0))).toMatchObject({ tier: 'MEMBER', change: 'UNCHANGED', inactiveMonthsInTier: 300 });
  });

  it('restarts the inactive count with an active month', () => {
    expect(evaluateMonth(input('GOLD', '2024-06', ['2024-05'], 0, goldSince))).toMatchObject({ tier: 'GOLD', inactiveMonthsInTier: 1 });
  });

  it('counts only whole months in the tier (a tier given mid-month)', () => {
    const midMarch = { tierSince: since('2024-03-15T00:00:00Z') };
    expect(evaluateMonth(input('SILVER', '2024-04', [], 0, midMarch))).toMatchObject({ tier: 'SILVER', inactiveMonthsInTier: 1 });
    expect(evaluateMonth(input('SILVER', '2024-05', [], 0, midMarch))).toMatchObject({ tier: 'MEMBER' });
  });

  it('follows the configured number of inactive months', () => {
    const lenient = { ...structuredClone(program), demotion: { inactiveMonths: 3 } } as typeof program;
    expect(evaluateMonth(input('GOLD', '2024-05', [], 0, { ...goldSince, program: lenient })).tier).toBe('GOLD');
    expect(evaluateMonth(input('GOLD', '2024-06', [], 0, { ...goldSince, program: lenient })).tier).toBe('SILVER');
  });
});

describe('evaluateMonth: idempotency and order', () => {
  it('changes nothing when the same month is evaluated twice', () => {
    const active = ['2024-01', '2024-02', '2024-03', '2024-04'];
    const first = evaluateMonth(input('MEMBER', '2024-03', active, 5_000, { lastEvaluatedMonth: '2024-02' }));
    expect(first).toMatchObject({ tier: 'SILVER', change: 'PROMOTED' });
    // The same month again, from the state it produced: it would otherwise lift SILVER to GOLD.
    const again = evaluateMonth({ ...input(first.tier, '2024-03', active, 5_000), tierSince: first.tierSince, lastEvaluatedMonth: first.lastEvaluatedMonth });
    expect(again).toMatchObject({ tier: 'SILVER', tierSince: first.tierSince, lastEvaluatedMonth: '2024-03', change: 'UNCHANGED', skipped: true, rule: null });
    expect(evaluateMonth({ ...input('SILVER', '2023-12', active), lastEvaluatedMonth: '2024-03' })).toMatchObject({ skipped: true, lastEvaluatedMonth: '2024-03' });
  });

  it('refuses to skip a month', () => {
    expect(() => evaluateMonth(input('MEMBER', '2024-05', [], 0, { lastEvaluatedMonth: '2024-03' }))).toThrow('months are evaluated in order: 2024-04 comes before 2024-05');
  });

  it('starts a new account in the lowest tier', () => {
    expect(initialTierState(since('2024-01-01T00:00:00Z'))).toEqual({ tier: 'MEMBER', tierSince: since('2024-01-01T00:00:00Z'), lastEvaluatedMonth: null });
  });

  it('refuses a growth that is not a whole number, and reads a negative one as 0', () => {
    expect(() => evaluateMonth(input('SILVER', '2024-03', [], 1.5))).toThrow(RangeError);
    expect(evaluateMonth(input('SILVER', '2024-03', [], -10)).growthLast12Months).toBe(0);
  });
});
