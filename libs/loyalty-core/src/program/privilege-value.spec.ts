import { privilegeValueFromText, privilegeValueToText } from './privilege-value';

describe('privilege values as GraphQL text', () => {
  it.each<[string | number | boolean | null, string | null]>([
    [5, '5'],
    [2.5, '2.5'],
    [true, 'true'],
    [false, 'false'],
    ['VIP lounge', 'VIP lounge'],
    ['5', '"5"'],
    ['true', '"true"'],
    ['"quoted"', '"\\"quoted\\""'],
    [null, null],
  ])('writes %j as %j and reads it back', (value, text) => {
    expect(privilegeValueToText(value)).toBe(text);
    expect(privilegeValueFromText(text)).toEqual(value);
  });

  it('reads absent as null and leaves JSON objects for validation to refuse', () => {
    expect(privilegeValueFromText(undefined)).toBeNull();
    expect(privilegeValueFromText('{"a":1}')).toEqual({ a: 1 });
  });
});
