import { fromMinorUnits, orderTotal, parseMoney, sumMoney, toMinorUnits } from '../index';

describe('parseMoney', () => {
  it.each([
    ['12.50', '12.5'],
    [' 0012.3400 ', '12.34'],
    ['0', '0'],
    ['0.0000', '0'],
    ['-0', '0'],
    ['99999999999999.9999', '99999999999999.9999'],
    [2.55, '2.55'],
    [0, '0'],
    [10, '10'],
  ])('normalises %p to %p', (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1.23456', 'at most 4 decimals'],
    [0.1 + 0.2, 'at most 4 decimals'],
    ['-0.01', 'must not be negative'],
    [-3, 'must not be negative'],
    ['1e3', 'decimal amount'],
    ['.5', 'decimal amount'],
    ['5.', 'decimal amount'],
    ['12,50', 'decimal amount'],
    ['', 'decimal amount'],
    ['100000000000000', 'less than 10^14'],
    ['9'.repeat(100), 'less than 10^14'],
    [Number.NaN, 'decimal amount'],
    [Number.POSITIVE_INFINITY, 'decimal amount'],
    [null, 'decimal amount'],
    [true, 'decimal amount'],
  ])('refuses %p', (input, reason) => {
    const result = parseMoney(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(reason);
  });
});

describe('exact arithmetic', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(sumMoney(['0.1', '0.2'])).toBe('0.3');
  });

  it('sums signed amounts and an empty list', () => {
    expect(sumMoney(['10', '-2.5', '0.0001'])).toBe('7.5001');
    expect(sumMoney(['1', '-3'])).toBe('-2');
    expect(sumMoney([])).toBe('0');
  });

  it('keeps precision far beyond a double', () => {
    expect(sumMoney(['99999999999999.9999', '0.0001'])).toBe('100000000000000');
    expect(sumMoney(Array.from({ length: 10 }, () => '0.1'))).toBe('1');
  });

  it('multiplies lines exactly for the order total', () => {
    expect(orderTotal([{ quantity: 3, unitPrice: '0.1' }, { quantity: 6, unitPrice: '2.55' }, { quantity: 1, unitPrice: '0' }])).toBe('15.6');
    expect(orderTotal([{ quantity: 80995, unitPrice: '2.08' }])).toBe('168469.6');
  });

  it('converts to and from minor units', () => {
    expect(toMinorUnits('12.5')).toBe(125000n);
    expect(toMinorUnits('-0.0001')).toBe(-1n);
    expect(fromMinorUnits(125000n)).toBe('12.5');
    expect(fromMinorUnits(-1n)).toBe('-0.0001');
    expect(() => toMinorUnits('1.23456')).toThrow(RangeError);
    expect(() => toMinorUnits('abc')).toThrow(RangeError);
  });
});
