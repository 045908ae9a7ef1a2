import { canonicalDecimal, decimalParts, fromScaled, isDecimal, onCommonScale, parseAmount, parseDecimal, toScaled, wholeUnits } from '../index';

describe('exact decimals', () => {
  it('tells decimal text from anything else', () => {
    for (const good of ['0', '12.50', '-3', '007.10']) expect(isDecimal(good)).toBe(true);
    for (const bad of ['', '1.', '.5', '+1', '1e3', ' 1', '1,5', 12, null]) expect(isDecimal(bad)).toBe(false);
    expect(decimalParts('-012.50')).toEqual({ negative: true, whole: '012', fraction: '50' });
    expect(decimalParts('1e3')).toBeNull();
  });

  it('reads signed decimals exactly', () => {
    expect(parseDecimal('-12.50')).toEqual({ units: -1250n, decimals: 2 });
    expect(parseDecimal('3')).toEqual({ units: 3n, decimals: 0 });
    expect(() => parseDecimal('abc')).toThrow(RangeError);
  });

  it('cuts amounts to whole units, rounding down', () => {
    expect(wholeUnits('99.99')).toBe(99n);
    expect(wholeUnits('100')).toBe(100n);
    expect(wholeUnits('0.999999')).toBe(0n);
    expect(wholeUnits('12345678901234567890.5')).toBe(12345678901234567890n);
  });

  it('refuses negative, signed, exponent, empty and overlong amounts', () => {
    for (const bad of ['-1', '-0', '+1', '1e3', '', '1.', '.5', ' 1', '1,5', '1'.repeat(65)]) expect(() => parseAmount(bad)).toThrow(RangeError);
  });

  it('puts amounts on one scale', () => {
    expect(onCommonScale('1.5', '2.25', '3')).toEqual({ values: [150n, 225n, 300n], scale: 100n });
  });

  it.each([
    ['12.5000', '12.5'],
    ['3.000', '3'],
    ['0.0000', '0'],
    ['-0.00', '0'],
    ['007.10', '7.1'],
    ['100', '100'],
    ['-2.50', '-2.5'],
    ['0.05', '0.05'],
  ])('writes %s canonically as %s', (input, expected) => {
    expect(canonicalDecimal(input)).toBe(expected);
  });

  it('scales to a fixed number of decimals and back', () => {
    expect(toScaled('1.2', 4)).toBe(12_000n);
    expect(toScaled('-0.0001', 4)).toBe(-1n);
    expect(() => toScaled('1.23456', 4)).toThrow(RangeError);
    expect(fromScaled(12_000n, 4)).toBe('1.2');
    expect(fromScaled(-1n, 4)).toBe('-0.0001');
    expect(fromScaled(0n, 2)).toBe('0');
  });
});
