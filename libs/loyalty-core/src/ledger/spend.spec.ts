import { balance, INSUFFICIENT_POINTS, openLots, planRedemption, planReversal, type LedgerEntry, type Lot } from '../index';

const at = (iso: string) => new Date(iso);
const lot = (lotId: string, remaining: number, earnedAt: string, expiresAt: string, points = remaining): Lot => ({
  lotId,
  earnedAt: at(earnedAt),
  expiresAt: at(expiresAt),
  points,
  remaining,
});
const now = at('2024-06-01T00:00:00Z');
// Given newest first on purpose: the functions order by age themselves.
const lots = [lot('c', 30, '2024-03-01T00:00:00Z', '2025-03-01T00:00:00Z'), lot('a', 10, '2023-07-01T00:00:00Z', '2024-07-01T00:00:00Z', 40), lot('b', 20, '2023-09-01T00:00:00Z', '2024-09-01T00:00:00Z')];

describe('planRedemption', () => {
  it('spends the oldest lots first, across lots', () => {
    expect(planRedemption(lots, 25, now)).toEqual({
      ok: true,
      entry: { type: 'REDEEM', points: -25, allocations: [{ lotId: 'a', points: 10 }, { lotId: 'b', points: 15 }] },
      balanceAfter: 35,
    });
    expect(planRedemption(lots, 10, now)).toMatchObject({ entry: { allocations: [{ lotId: 'a', points: 10 }] } });
  });

  it('spends the whole balance, and refuses one point more without taking anything', () => {
    expect(planRedemption(lots, 60, now)).toMatchObject({ ok: true, balanceAfter: 0 });
    expect(planRedemption(lots, 61, now)).toEqual({ ok: false, code: INSUFFICIENT_POINTS, requested: 61, available: 60, message: 'cannot take 61 points: the balance is 60' });
    expect(planRedemption([], 1, now)).toMatchObject({ ok: false, available: 0 });
  });

  it('does not spend points at or past their expiry', () => {
    expect(planRedemption(lots, 55, at('2024-07-01T00:00:00Z'))).toMatchObject({ ok: false, available: 50 });
    expect(planRedemption(lots, 5, at('2024-06-30T23:59:59.999Z'))).toMatchObject({ entry: { allocations: [{ lotId: 'a', points: 5 }] } });
  });

  it('plans a negative adjustment the same way', () => {
    expect(planRedemption(lots, 12, now, 'ADJUST')).toMatchObject({ ok: true, entry: { type: 'ADJUST', points: -12 } });
  });

  it('refuses a request that is not a positive whole number', () => {
    for (const bad of [0, -5, 1.5, Number.NaN]) expect(() => planRedemption(lots, bad, now)).toThrow(RangeError);
  });

  it('never lets the balance below zero: redemptions of 10 on 100 succeed exactly 10 times', () => {
    const ledger: LedgerEntry[] = [{ id: 'e', type: 'EARN', points: 100, occurredAt: at('2024-05-01T00:00:00Z'), expiresAt: at('2025-05-01T00:00:00Z') }];
    const outcomes = Array.from({ length: 100 }, (_, i) => {
      const plan = planRedemption(openLots(ledger), 10, now);
      if (plan.ok) ledger.push({ id: `r${i}`, occurredAt: now, ...plan.entry });
      return plan.ok;
    });
    expect(outcomes.filter(Boolean)).toHaveLength(10);
    expect(balance(ledger)).toBe(0);
  });
});

describe('planReversal', () => {
  it("takes from the order's own lot first", () => {
    expect(planReversal(lots, { points: 25, lotId: 'c' }, now)).toEqual({
      entry: { type: 'REVERSAL', points: -25, allocations: [{ lotId: 'c', points: 25 }] },
      shortfall: 0,
    });
  });

  it('takes what was already spent from the other lots, oldest first', () => {
    // lot a earned 40, 30 of them spent: reversing all 40 takes its 10 and then 30 from b, c.
    expect(planReversal(lots, { points: 40, lotId: 'a' }, now)).toEqual({
      entry: { type: 'REVERSAL', points: -40, allocations: [{ lotId: 'a', points: 10 }, { lotId: 'b', points: 20 }, { lotId: 'c', points: 10 }] },
      shortfall: 0,
    });
  });

  it('stops at zero and records the shortfall when the points were spent', () => {
    const small = [lot('x', 5, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 100)];
    expect(planReversal(small, { points: 100, lotId: 'x' }, now)).toEqual({
      entry: { type: 'REVERSAL', points: -5, allocations: [{ lotId: 'x', points: 5 }] },
      shortfall: 95,
    });
    expect(planReversal([], { points: 7, lotId: null }, now)).toEqual({ entry: { type: 'REVERSAL', points: 0, allocations: [] }, shortfall: 7 });
  });

  it('does not take from lots past their expiry', () => {
    expect(planReversal(lots, { points: 60, lotId: 'a' }, at('2024-07-01T00:00:00Z'))).toMatchObject({ entry: { points: -50 }, shortfall: 10 });
  });

  it('plans nothing for nothing, and refuses negative points', () => {
    expect(planReversal(lots, { points: 0, lotId: 'a' }, now)).toEqual({ entry: { type: 'REVERSAL', points: 0, allocations: [] }, shortfall: 0 });
    expect(() => planReversal(lots, { points: -1, lotId: 'a' }, now)).toThrow(RangeError);
  });
});
