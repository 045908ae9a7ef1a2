import { validateConsentBatch } from '../index';

const now = new Date('2026-01-01T00:00:00Z');
const good = { customerExternalId: 'c1', channel: 'EMAIL', granted: true, source: 'checkout', changedAt: '2025-12-01T10:00:00+01:00' };

describe('validateConsentBatch', () => {
  it('normalises good changes', () => {
    expect(validateConsentBatch([good], now)).toEqual({ ok: true, changes: [{ ...good, changedAt: '2025-12-01T09:00:00.000Z' }] });
  });

  it('names every bad field and rejects the batch', () => {
    const result = validateConsentBatch([good, { ...good, channel: 'FAX', source: ' ', changedAt: '2027-01-01T00:00:00Z' }], now);
    expect(result).toEqual({
      ok: false,
      issues: [
        { index: 1, field: 'consents[1].channel', message: 'must be one of EMAIL, SMS, PUSH' },
        { index: 1, field: 'consents[1].source', message: 'must not be empty' },
        { index: 1, field: 'consents[1].changedAt', message: 'must not be in the future' },
      ],
    });
  });

  it('rejects empty and oversized batches', () => {
    expect(validateConsentBatch([], now).ok).toBe(false);
    expect(validateConsentBatch(Array.from({ length: 1001 }, () => good), now).ok).toBe(false);
  });
});
