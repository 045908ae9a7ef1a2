import { growthByMonth, growthForOrder, growthLast12Months, growthReversal } from '../index';

describe('growth value', () => {
  it('is whole units of net spend, never multiplied', () => {
    expect(growthForOrder('2500.90')).toBe(2500);
    expect(growthForOrder('0.50')).toBe(0);
  });

  it('reverses so an order keeps exactly the growth of its net value', () => {
    expect(growthReversal({ orderValue: '100.50' })).toBe(100);
    expect(growthReversal({ orderValue: '100.50', amountReversed: '0.60' })).toBe(1); // net 99.90 -> 99
    expect(growthReversal({ orderValue: '100.50', amountReversed: '0.40' })).toBe(0); // net 100.10 -> 100
    expect(growthReversal({ orderValue: '100.50', previouslyReversed: '0.40', amountReversed: '0.20' })).toBe(1); // 100.10 -> 99.90
    expect(growthReversal({ orderValue: '100.50', previouslyReversed: '0.60' })).toBe(99); // full: the rest
  });

  it('never takes back more than the order gave', () => {
    expect(growthReversal({ orderValue: '10', amountReversed: '25' })).toBe(10);
    expect(growthReversal({ orderValue: '10', previouslyReversed: '10', amountReversed: '5' })).toBe(0);
    expect(growthReversal({ orderValue: '10', previouslyReversed: '12' })).toBe(0);
  });

  it('sums the 12 months ending with the evaluated month, never below zero', () => {
    const byMonth = growthByMonth([
      { at: new Date('2023-03-31T23:59:59.999Z'), growth: 500 },
      { at: new Date('2023-04-01T00:00:00.000Z'), growth: 700 },
      { at: new Date('2024-03-10T00:00:00Z'), growth: 1_000 },
      { at: new Date('2024-03-20T00:00:00Z'), growth: -200 },
      { at: new Date('2024-04-01T00:00:00Z'), growth: 9_999 },
    ]);
    expect(byMonth.get('2024-03')).toBe(800);
    expect(growthLast12Months(byMonth, '2024-03')).toBe(1_500); // 2023-04 … 2024-03
    expect(growthLast12Months(byMonth, '2024-02')).toBe(1_200); // 2023-03 … 2024-02
    expect(growthLast12Months(new Map([['2024-01', -50]]), '2024-01')).toBe(0);
  });
});
