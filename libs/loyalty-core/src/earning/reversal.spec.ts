import { reversalFor } from '../index';

describe('reversalFor', () => {
  it('takes back everything the order earned on a full reversal', () => {
    expect(reversalFor({ earnedPoints: 237, orderValue: '99.99' })).toBe(237);
  });

  it('takes back a pro-rata share, rounded down, on a partial reversal', () => {
    expect(reversalFor({ earnedPoints: 99, orderValue: '99.99', amountReversed: '50' })).toBe(49); // 49.50…
    expect(reversalFor({ earnedPoints: 120, orderValue: '100', amountReversed: '25' })).toBe(30);
    expect(reversalFor({ earnedPoints: 120, orderValue: '100', amountReversed: '0.5' })).toBe(0);
  });

  it('adds partial reversals up to exactly what was earned', () => {
    const first = reversalFor({ earnedPoints: 99, orderValue: '99.99', amountReversed: '50' });
    const second = reversalFor({ earnedPoints: 99, orderValue: '99.99', previouslyReversed: '50', amountReversed: '49.99' });
    expect([first, second]).toEqual([49, 50]);
    const thirds = ['33.33', '33.33', '33.34'].map((amount, i) =>
      reversalFor({ earnedPoints: 100, orderValue: '100', previouslyReversed: ['0', '33.33', '66.66'][i], amountReversed: amount }),
    );
    expect(thirds).toEqual([33, 33, 34]);
  });

  it('takes the rest on a full reversal after partial ones', () => {
    expect(reversalFor({ earnedPoints: 99, orderValue: '99.99', previouslyReversed: '50' })).toBe(50);
  });

  it('never takes back more than was earned', () => {
    expect(reversalFor({ earnedPoints: 100, orderValue: '100', amountReversed: '150' })).toBe(100);
    expect(reversalFor({ earnedPoints: 100, orderValue: '100', previouslyReversed: '100', amountReversed: '5' })).toBe(0);
    expect(reversalFor({ earnedPoints: 100, orderValue: '100', previouslyReversed: '100' })).toBe(0);
  });

  it('handles an order of value 0 and refuses nonsense', () => {
    expect(reversalFor({ earnedPoints: 0, orderValue: '0' })).toBe(0);
    expect(reversalFor({ earnedPoints: 5, orderValue: '0', amountReversed: '0' })).toBe(5);
    expect(() => reversalFor({ earnedPoints: -1, orderValue: '10' })).toThrow(RangeError);
    expect(() => reversalFor({ earnedPoints: 1.5, orderValue: '10' })).toThrow(RangeError);
  });
});
