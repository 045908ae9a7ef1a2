import { MAX_CUSTOMERS_PER_CALL, validateCustomerBatch } from '../index';

const now = new Date('2026-01-01T00:00:00Z');

describe('validateCustomerBatch', () => {
  it('normalises good items and keeps only the fields sent', () => {
    const result = validateCustomerBatch(
      [{ externalId: ' c-1 ', email: ' Ann@Example.COM ', name: '', signedUpAt: '2020-05-01T10:00:00+02:00', birthDate: null }],
      now,
    );
    expect(result).toEqual({
      ok: true,
      patches: [{ externalId: 'c-1', email: 'ann@example.com', name: null, signedUpAt: '2020-05-01T08:00:00.000Z', birthDate: null }],
    });
  });

  it('names the item and field of every bad value', () => {
    const result = validateCustomerBatch(
      [{ externalId: 'ok' }, { externalId: '  ', email: 'not-an-email' }, { externalId: 'x', phone: 'call me', birthDate: '2030-01-01' }],
      now,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { index: 1, field: 'customers[1].externalId', message: 'must not be empty' },
        { index: 1, field: 'customers[1].email', message: 'is not a valid email address' },
        { index: 2, field: 'customers[2].phone', message: 'is not a valid phone number' },
        { index: 2, field: 'customers[2].birthDate', message: 'must not be in the future' },
      ]),
    );
    expect(result.issues).toHaveLength(4);
  });

  it('rejects unknown fields and repeated external ids', () => {
    const result = validateCustomerBatch([{ externalId: 'a', nickname: 'Al' }, { externalId: 'b' }, { externalId: 'b' }], now);
    expect(result).toEqual({
      ok: false,
      issues: [
        { index: 0, field: 'customers[0].nickname', message: 'is not a known field' },
        { index: 2, field: 'customers[2].externalId', message: 'repeats customers[1].externalId; send each customer once per call' },
      ],
    });
  });

  it('rejects an empty batch and one over the limit', () => {
    expect(validateCustomerBatch([], now)).toMatchObject({ ok: false, issues: [{ field: 'customers' }] });
    const tooMany = Array.from({ length: MAX_CUSTOMERS_PER_CALL + 1 }, (_, i) => ({ externalId: `c${i}` }));
    const result = validateCustomerBatch(tooMany, now);
    expect(result).toMatchObject({ ok: false, issues: [{ field: 'customers', message: expect.stringContaining('10001') }] });
    expect(validateCustomerBatch(tooMany.slice(1), now).ok).toBe(true);
  });

  it('accepts signup times as Date objects, as the DateTime scalar hands them over', () => {
    const result = validateCustomerBatch([{ externalId: 'a', signedUpAt: new Date('2021-03-04T05:06:07Z') }], now);
    expect(result).toEqual({ ok: true, patches: [{ externalId: 'a', signedUpAt: '2021-03-04T05:06:07.000Z' }] });
    expect(validateCustomerBatch([{ externalId: 'a', signedUpAt: new Date('2027-01-01') }], now)).toMatchObject({
      ok: false,
      issues: [{ field: 'customers[0].signedUpAt', message: 'must not be in the future' }],
    });
  });

  it('rejects a malformed signup time with its own message', () => {
    expect(validateCustomerBatch([{ externalId: 'a', signedUpAt: 'last tuesday' }], now)).toEqual({
      ok: false,
      issues: [{ index: 0, field: 'customers[0].signedUpAt', message: 'must be an ISO-8601 timestamp' }],
    });
  });

  it('rejects oversized attributes', () => {
    const result = validateCustomerBatch([{ externalId: 'a', attributes: { blob: 'x'.repeat(20_000) } }], now);
    expect(result).toMatchObject({ ok: false, issues: [{ field: 'customers[0].attributes' }] });
  });
});
