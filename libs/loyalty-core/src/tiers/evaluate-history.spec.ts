import {
  addMonths,
  DEFAULT_LOYALTY_PROGRAM,
  evaluateHistory,
  evaluateMonth,
  growthLast12Months,
  initialTierState,
  lastCompleteMonth,
  monthStart,
  type HistoryInput,
  type TierState,
} from '../index';

const program = DEFAULT_LOYALTY_PROGRAM;
const at = (iso: string) => new Date(iso);

/** A deterministic pseudo-random sequence (mulberry32), so the long history is the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function history(seed: number, months: number, start: string) {
  const next = random(seed);
  const activeMonthsSet = new Set<string>();
  const growthByMonth = new Map<string, number>();
  let streakBias = 0.6;
  for (let i = 0; i < months; i++) {
    const month = addMonths(start, i);
    if (i % 17 === 0) streakBias = next() < 0.5 ? 0.9 : 0.3; // long active and long quiet spells
    if (next() < streakBias) {
      activeMonthsSet.add(month);
      growthByMonth.set(month, Math.floor(next() * 3_000) - (next() < 0.1 ? 500 : 0));
    }
  }
  return { activeMonthsSet, growthByMonth };
}

describe('lastCompleteMonth', () => {
  it('is complete from the first instant of the next month', () => {
    expect(lastCompleteMonth(at('2024-04-01T00:00:00.000Z'))).toBe('2024-03');
    expect(lastCompleteMonth(at('2024-03-31T23:59:59.999Z'))).toBe('2024-02');
  });
});

describe('evaluateHistory', () => {
  const base = (over: Partial<HistoryInput> = {}): HistoryInput => ({
    ...initialTierState(monthStart('2024-01')),
    startMonth: '2024-01',
    now: at('2024-04-01T00:00:00Z'),
    activeMonthsSet: new Set(['2024-01', '2024-02', '2024-03']),
    growthByMonth: new Map(),
    program,
    ...over,
  });

  it('evaluates every complete month from the start, in order, and reports the changes', () => {
    const result = evaluateHistory(base());
    expect(result.evaluations.map((e) => [e.month, e.tier])).toEqual([
      ['2024-01', 'MEMBER'],
      ['2024-02', 'MEMBER'],
      ['2024-03', 'SILVER'],
    ]);
    expect(result).toMatchObject({ tier: 'SILVER', tierSince: at('2024-04-01T00:00:00Z'), lastEvaluatedMonth: '2024-03' });
    expect(result.changes.map((c) => [c.month, c.from, c.tier])).toEqual([['2024-03', 'MEMBER', 'SILVER']]);
  });

  it('leaves the current, incomplete month alone', () => {
    expect(evaluateHistory(base({ now: at('2024-03-31T23:59:59.999Z') }))).toMatchObject({ tier: 'MEMBER', lastEvaluatedMonth: '2024-02' });
  });

  it('changes nothing when run again with its own result', () => {
    const first = evaluateHistory(base());
    const again = evaluateHistory(base({ tier: first.tier, tierSince: first.tierSince, lastEvaluatedMonth: first.lastEvaluatedMonth }));
    expect(again).toEqual({ tier: 'SILVER', tierSince: first.tierSince, lastEvaluatedMonth: '2024-03', evaluations: [], changes: [] });
  });

  it('goes up step by step and down after inactivity, keeping the streak through promotions', () => {
    const active = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
    const result = evaluateHistory(
      base({
        now: at('2025-01-15T00:00:00Z'),
        activeMonthsSet: new Set(active),
        growthByMonth: new Map(active.map((m) => [m, 2_000])),
      }),
    );
    expect(result.changes.map((c) => `${c.month} ${c.from}->${c.tier}`)).toEqual([
      '2024-03 MEMBER->SILVER', // 3 active months
      '2024-04 SILVER->GOLD', // 4 active months (streak kept), growth 8,000 ≥ 2,000
      '2024-06 GOLD->PLATINUM', // 6 active months, growth 12,000 ≥ 10,000
      '2024-08 PLATINUM->GOLD', // July, August inactive
      '2024-10 GOLD->SILVER', // September, October
      '2024-12 SILVER->MEMBER', // November, December
    ]);
    expect(result).toMatchObject({ tier: 'MEMBER', tierSince: at('2025-01-01T00:00:00Z'), lastEvaluatedMonth: '2024-12' });
  });

  it('gives the same outcome for a long history run at once, month by month, or in uneven steps', () => {
    for (const seed of [1, 7, 42, 2024, 99_991]) {
      const { activeMonthsSet, growthByMonth } = history(seed, 120, '2012-01');
      const start = { ...initialTierState(monthStart('2012-01')), startMonth: '2012-01', activeMonthsSet, growthByMonth, program };
      const now = at('2022-01-10T00:00:00Z');
      const once = evaluateHistory({ ...start, now });

      let state: TierState = initialTierState(monthStart('2012-01'));
      const byMonth: string[] = [];
      for (let month = '2012-01'; month <= '2021-12'; month = addMonths(month, 1)) {
        const evaluation = evaluateMonth({ ...state, month, activeMonthsSet, growthLast12Months: growthLast12Months(growthByMonth, month), program });
        // Evaluating the month a second time changes nothing.
        const twice = evaluateMonth({ tier: evaluation.tier, tierSince: evaluation.tierSince, lastEvaluatedMonth: evaluation.lastEvaluatedMonth, month, activeMonthsSet, growthLast12Months: 0, program });
        expect(twice).toMatchObject({ skipped: true, tier: evaluation.tier, tierSince: evaluation.tierSince });
        state = { tier: evaluation.tier, tierSince: evaluation.tierSince, lastEvaluatedMonth: evaluation.lastEvaluatedMonth };
        byMonth.push(evaluation.tier);
      }

      let stepped: TierState = initialTierState(monthStart('2012-01'));
      const steppedTiers: string[] = [];
      const next = random(seed + 1);
      for (let t = at('2012-01-01T00:00:00Z'); t <= now; t = new Date(t.getTime() + Math.floor(next() * 100) * 86_400_000)) {
        const result = evaluateHistory({ ...start, ...stepped, now: t });
        steppedTiers.push(...result.evaluations.map((e) => e.tier));
        stepped = { tier: result.tier, tierSince: result.tierSince, lastEvaluatedMonth: result.lastEvaluatedMonth };
      }
      const last = evaluateHistory({ ...start, ...stepped, now });
      steppedTiers.push(...last.evaluations.map((e) => e.tier));

      expect(once.evaluations).toHaveLength(120);
      expect(once.evaluations.map((e) => e.tier)).toEqual(byMonth);
      expect(steppedTiers).toEqual(byMonth);
      expect({ tier: last.tier, tierSince: last.tierSince, lastEvaluatedMonth: last.lastEvaluatedMonth }).toEqual(state);
      expect({ tier: once.tier, tierSince: once.tierSince, lastEvaluatedMonth: once.lastEvaluatedMonth }).toEqual(state);
    }
  });

  it('reaches every tier somewhere in the generated histories (the test above is not vacuous)', () => {
    const seen = new Set<string>();
    for (const seed of [1, 7, 42, 2024, 99_991]) {
      const { activeMonthsSet, growthByMonth } = history(seed, 120, '2012-01');
      const result = evaluateHistory({ ...initialTierState(monthStart('2012-01')), startMonth: '2012-01', now: at('2022-01-10T00:00:00Z'), activeMonthsSet, growthByMonth, program });
      result.evaluations.forEach((e) => seen.add(`${e.change}:${e.tier}`));
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['PROMOTED:SILVER', 'PROMOTED:GOLD', 'PROMOTED:PLATINUM', 'DEMOTED:GOLD', 'DEMOTED:SILVER', 'DEMOTED:MEMBER']),
    );
  });
});
