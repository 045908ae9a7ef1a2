import { canonicalUuid, isUuid, uuidOrThrow } from '../index';

describe('UUIDs', () => {
  const upper = '0F8FAD5B-D9CB-469F-A165-70867728950E';

  it('accepts UUIDs in any case and gives their lower-case form', () => {
    expect(isUuid(upper)).toBe(true);
    expect(canonicalUuid(upper)).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(uuidOrThrow(upper, 'customerId')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it('refuses anything else, naming the field', () => {
    for (const bad of ['customer-1', '', `${upper}0`, ` ${upper}`, 42, null]) expect(isUuid(bad)).toBe(false);
    expect(canonicalUuid('customer-1')).toBeNull();
    expect(() => uuidOrThrow('customer-1', 'customerIds[3]', 'is not a customer id (a UUID)')).toThrow('customerIds[3]: is not a customer id (a UUID)');
  });
});
