import { validateExperimentDefinition, conversionWindowHours } from '../index';

const good = {
  key: 'dormant-6m-channel',
  name: 'SMS or email for six-month dormant customers',
  hypothesis: 'SMS reactivates more dormant customers than email',
  variants: [
    { key: 'email', name: 'Email', weight: 0.5 },
    { key: 'sms', weight: 0.5 },
  ],
  primaryMetric: { key: 'reactivated', kind: 'BINOMIAL', event: 'ANY_ACTIVITY' },
  guardrailMetrics: [{ key: 'revenue', kind: 'REVENUE', event: 'ORDER_PLACED' }],
  conversionWindow: { value: 14, unit: 'DAYS' },
};

describe('validateExperimentDefinition', () => {
  it('normalises a good definition: seed defaults to the key, status to DRAFT, coverage to 1', () => {
    const result = validateExperimentDefinition(good);
    expect(result).toEqual({
      ok: true,
      definition: {
        ...good,
        variants: [
          { key: 'email', name: 'Email', weight: 0.5 },
          { key: 'sms', name: 'sms', weight: 0.5 },
        ],
        status: 'DRAFT',
        coverage: 1,
        seed: 'dormant-6m-channel',
        minimumDetectableEffect: 0.05,
      },
    });
  });

  it('keeps an explicit seed', () => {
    const result = validateExperimentDefinition({ ...good, seed: 'legacy-seed' });
    expect(result.ok && result.definition.seed).toBe('legacy-seed');
  });

  it('names the duplicate variant key', () => {
    const result = validateExperimentDefinition({
      ...good,
      variants: [
        { key: 'email', weight: 0.5 },
        { key: 'email', weight: 0.5 },
      ],
    });
    expect(result).toEqual({ ok: false, issues: [{ field: 'variants[1].key', message: 'duplicates variants[0].key "email"' }] });
  });

  it('rejects weights that do not sum to 1 within 1e-6, and accepts float noise', () => {
    const off = validateExperimentDefinition({
      ...good,
      variants: [
        { key: 'a', weight: 0.5 },
        { key: 'b', weight: 0.4 },
      ],
    });
    expect(off).toEqual({ ok: false, issues: [{ field: 'variants', message: 'weights must sum to 1 (within 0.000001), got 0.9' }] });
    const thirds = validateExperimentDefinition({
      ...good,
      variants: [
        { key: 'a', weight: 1 / 3 },
        { key: 'b', weight: 1 / 3 },
        { key: 'c', weight: 1 / 3 },
      ],
    });
    expect(thirds.ok).toBe(true);
    const close = validateExperimentDefinition({
      ...good,
      variants: [
        { key: 'a', weight: 0.4 },
        { key: 'b', weight: 0.5999 },
      ],
    });
    expect(close.ok).toBe(false);
  });

  it('names every bad field', () => {
    const result = validateExperimentDefinition({
      ...good,
      key: 'Bad Key',
      coverage: 1.5,
      variants: [
        { key: 'a', weight: -0.1 },
        { key: 'b', weight: 1.1 },
      ],
      conversionWindow: { value: 0, unit: 'WEEKS' },
      status: 'PAUSED',
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.issues.map((i) => i.field);
    expect(fields).toEqual(['key', 'status', 'variants[0].weight', 'variants[1].weight', 'coverage', 'conversionWindow.value', 'conversionWindow.unit']);
    expect(result.ok ? null : result.issues[4]).toEqual({ field: 'coverage', message: 'must be between 0 and 1' });
  });

  it('requires at least two variants and the primary metric', () => {
    const { primaryMetric: _omit, ...noMetric } = good;
    const result = validateExperimentDefinition({ ...noMetric, variants: [{ key: 'only', weight: 1 }] });
    expect(result).toEqual({
      ok: false,
      issues: [
        { field: 'variants', message: 'must hold at least 2 variants (the first is the control)' },
        { field: 'primaryMetric', message: 'is required' },
      ],
    });
  });

  it('rejects metric keys used twice and unknown fields', () => {
    const result = validateExperimentDefinition({ ...good, guardrailMetrics: [{ key: 'reactivated', kind: 'COUNT', event: 'LOGIN' }] });
    expect(result).toEqual({ ok: false, issues: [{ field: 'guardrailMetrics[0].key', message: 'duplicates primaryMetric.key "reactivated"' }] });
    const extra = validateExperimentDefinition({ ...good, weights: [0.5, 0.5] });
    expect(extra).toEqual({ ok: false, issues: [{ field: 'weights', message: 'is not a known field' }] });
    const nested = validateExperimentDefinition({ ...good, variants: [{ key: 'a', weight: 0.5, colour: 'red' }, { key: 'b', weight: 0.5 }] });
    expect(nested).toEqual({ ok: false, issues: [{ field: 'variants[0].colour', message: 'is not a known field' }] });
  });

  it('bounds the conversion window to a year', () => {
    expect(validateExperimentDefinition({ ...good, conversionWindow: { value: 366, unit: 'DAYS' } })).toEqual({
      ok: false,
      issues: [{ field: 'conversionWindow.value', message: 'must be at most 8760 hours (365 days)' }],
    });
    expect(conversionWindowHours({ value: 2, unit: 'DAYS' })).toBe(48);
    expect(conversionWindowHours({ value: 5, unit: 'HOURS' })).toBe(5);
  });
});
