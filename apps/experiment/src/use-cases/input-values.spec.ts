import { canonicalDecimal, customerIdOrThrow, withoutNulls } from './input-values';

describe('input values', () => {
  it('drops nulls deeply, keeping arrays and zeros', () => {
    expect(withoutNulls({ a: null, b: 0, c: [{ d: null, e: 'x' }], f: { g: null } })).toEqual({ b: 0, c: [{ e: 'x' }], f: {} });
  });

  it.each([
    ['12.5000', '12.5'],
    ['3.000', '3'],
    ['0.0000', '0'],
    ['-0.00', '0'],
    ['007.10', '7.1'],
    ['100', '100'],
    ['-2.50', '-2.5'],
  ])('writes %s canonically as %s', (input, expected) => {
    expect(canonicalDecimal(input)).toBe(expected);
  });

  it('accepts UUIDs in any case, hashing their lower-case form, and names the field otherwise', () => {
    expect(customerIdOrThrow('0F8FAD5B-D9CB-469F-A165-70867728950E', 'customerId')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(() => customerIdOrThrow('customer-1', 'customerIds[3]')).toThrow('customerIds[3]: is not a customer id (a UUID)');
  });
});
