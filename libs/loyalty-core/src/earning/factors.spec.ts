import { factorToScaled, isExactFactor } from './factors';

describe('programme factors', () => {
  it('reads factors through their shortest decimal form, exactly', () => {
    expect(factorToScaled(1.2)).toBe(12_000n);
    expect(factorToScaled(0.0001)).toBe(1n);
    expect(factorToScaled(2)).toBe(20_000n);
    expect(() => factorToScaled(1.23456)).toThrow(RangeError);
    expect(() => factorToScaled(1e-7)).toThrow(RangeError);
    expect(() => factorToScaled(Number.NaN)).toThrow(RangeError);
    expect(() => factorToScaled(-1)).toThrow(RangeError);
  });

  it('tells exact factors from others', () => {
    expect(isExactFactor(1.5)).toBe(true);
    expect(isExactFactor(0.1 + 0.2)).toBe(false);
    expect(isExactFactor(Number.POSITIVE_INFINITY)).toBe(false);
  });
});
