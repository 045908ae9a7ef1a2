import { parseAmount, wholeUnits } from '../index';
import { factorToScaled, onCommonScale } from './decimal';

describe('exact decimals', () => {
  it('cuts amounts to whole units, rounding down', () => {
    expect(wholeUnits('99.99')).toBe(99n);
    expect(wholeUnits('100')).toBe(100n);
    expect(wholeUnits('0.999999')).toBe(0n);
    expect(wholeUnits('12345678901234567890.5')).toBe(12345678901234567890n);
  });

  it('refuses negative, signed, exponent and empty amounts', () => {
    for (const bad of ['-1', '+1', '1e3', '', '1.', '.5', ' 1', '1,5']) expect(() => parseAmount(bad)).toThrow(RangeError);
  });

  it('puts amounts on one scale', () => {
    expect(onCommonScale('1.5', '2.25', '3')).toEqual({ values: [150n, 225n, 300n], scale: 100n });
  });

  it('reads factors through their shortest decimal form, exactly', () => {
    expect(factorToScaled(1.2)).toBe(12_000n);
    expect(factorToScaled(0.0001)).toBe(1n);
    expect(factorToScaled(2)).toBe(20_000n);
    expect(() => factorToScaled(1.23456)).toThrow(RangeError);
    expect(() => factorToScaled(1e-7)).toThrow(RangeError);
    expect(() => factorToScaled(Number.NaN)).toThrow(RangeError);
  });
});
