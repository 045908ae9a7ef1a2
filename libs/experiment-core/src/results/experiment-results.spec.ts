import { bayesianTest, experimentResults, frequentistTest, holmAdjust, moments, type ExperimentResultsInput } from '../index';

const near = (actual: number | undefined | null, expected: number, tol = 1e-12) =>
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

function hasNaN(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.some(hasNaN);
  if (value && typeof value === 'object') return Object.values(value).some(hasNaN);
  return false;
}

/*
 * Revenue totals built to have known moments: n = 1000 with mean 6 and s² = 80 needs Σ = 6000 and
 * Σx² = Σ²/n + (n − 1)s² = 36000 + 79920 = 115920; mean 10, s² = 130 needs Σ = 10000, Σx² = 100000 + 129870 = 229870.
 */
const input: ExperimentResultsInput = {
  variants: [
    { key: 'email', weight: 0.5 },
    { key: 'sms', weight: 0.5 },
  ],
  primaryMetric: { key: 'reactivated', kind: 'BINOMIAL' },
  guardrailMetrics: [{ key: 'revenue', kind: 'REVENUE' }],
  totals: [
    { variant: 'email', exposed: 1000, metrics: { reactivated: { sum: 100 }, revenue: { sum: 6000, sumSquares: 115920 } } },
    { variant: 'sms', exposed: 1000, metrics: { reactivated: { sum: 120 }, revenue: { sum: 10000, sumSquares: 229870 } } },
  ],
  minimumDetectableEffect: 0.1,
};

describe('experimentResults', () => {
  const results = experimentResults(input);

  it('reports the descriptive figures per variant and metric', () => {
    const [email, sms] = results.variants;
    expect(email).toMatchObject({ variant: 'email', isControl: true, exposed: 1000 });
    expect(email?.metrics[0]).toMatchObject({ metric: 'reactivated', role: 'PRIMARY', conversions: 100, conversionRate: 0.1, mean: 0.1, comparison: null });
    expect(email?.metrics[1]).toMatchObject({ metric: 'revenue', role: 'GUARDRAIL', kind: 'REVENUE', sum: 6000, mean: 6, conversions: null, conversionRate: null });
    near(email?.metrics[1]?.variance, 80);
    expect(sms?.metrics[0]).toMatchObject({ conversions: 120, conversionRate: 0.12 });
    near(sms?.metrics[1]?.variance, 130);
  });

  it('compares with the control using both engines and Holm across the two comparisons', () => {
    const sms = results.variants[1];
    const conv = sms?.metrics[0]?.comparison;
    const rev = sms?.metrics[1]?.comparison;
    // The conversion comparison is the hand-worked binomial example of engines.spec.ts: lift 0.2, p 0.19235.
    near(conv?.lift, 0.2, 1e-14);
    near(conv?.pValue, 0.19235020701505576, 1e-10);
    near(conv?.chanceToBeatControl, 0.9039004818067534, 1e-12);
    // Revenue: lift 10/6 − 1; Var = 130/(36·1000) + 80·100/(1296·1000) = 0.00978395, se = 0.0989139.
    near(rev?.lift, 2 / 3, 1e-14);
    near(rev?.standardError, Math.sqrt(130 / 36000 + 8000 / 1296000), 1e-12);
    const f = frequentistTest(moments('MEAN', { n: 1000, sum: 6000, sumSquares: 115920 }), moments('MEAN', { n: 1000, sum: 10000, sumSquares: 229870 }));
    const b = bayesianTest(moments('MEAN', { n: 1000, sum: 6000, sumSquares: 115920 }), moments('MEAN', { n: 1000, sum: 10000, sumSquares: 229870 }));
    near(rev?.pValue, f?.pValue as number);
    near(rev?.expectedLoss, b?.expectedLoss as number);
    // Holm over {0.19235, p_rev}: p_rev is tiny, so adjusted = [0.19235, 2·p_rev].
    const [adjConv, adjRev] = holmAdjust([conv?.pValue as number, rev?.pValue as number]);
    near(conv?.adjustedPValue, adjConv as number);
    near(rev?.adjustedPValue, adjRev as number);
    near(rev?.adjustedPValue, 2 * (rev?.pValue as number));
  });

  it('adds the SRM check and the sample size for the primary metric', () => {
    expect(results.srm).toEqual({ chiSquared: 0, degreesOfFreedom: 1, pValue: 1, mismatch: false });
    // Hand-computed in checks.spec.ts: p = 0.1, MDE 10 % -> 14128 per variant, 26256 more exposures at 50/50.
    expect(results.sampleSize).toEqual({ requiredPerVariant: 14128, additionalExposures: 26256 });
  });

  it('applies Holm across variants and metrics of a three-variant experiment', () => {
    const three = experimentResults({
      ...input,
      variants: [
        { key: 'email', weight: 0.34 },
        { key: 'sms', weight: 0.33 },
        { key: 'push', weight: 0.33 },
      ],
      totals: [...input.totals, { variant: 'push', exposed: 990, metrics: { reactivated: { sum: 101 }, revenue: { sum: 5900, sumSquares: 120000 } } }],
    });
    const raw = three.variants.slice(1).flatMap((v) => v.metrics.map((m) => m.comparison?.pValue ?? null));
    const adjusted = three.variants.slice(1).flatMap((v) => v.metrics.map((m) => m.comparison?.adjustedPValue ?? null));
    expect(raw.every((p) => p !== null)).toBe(true);
    expect(adjusted).toEqual(holmAdjust(raw));
    expect(three.srm?.degreesOfFreedom).toBe(2);
  });

  it('gives nulls, never NaN, for one variant, no exposures, n < 2 and zero conversions', () => {
    const single = experimentResults({ ...input, variants: [{ key: 'email', weight: 1 }] });
    expect(single.srm).toBeNull();
    expect(single.variants).toHaveLength(1);

    const empty = experimentResults({ ...input, totals: [] });
    expect(empty.variants.map((v) => v.exposed)).toEqual([0, 0]);
    expect(empty.variants[1]?.metrics[0]).toMatchObject({ n: 0, mean: null, variance: null, conversionRate: null, conversions: 0, comparison: null });
    expect(empty.srm?.pValue).toBe(1);
    expect(empty.sampleSize).toBeNull();

    const one = experimentResults({
      ...input,
      totals: [
        { variant: 'email', exposed: 1, metrics: { reactivated: { sum: 1 }, revenue: { sum: 5, sumSquares: 25 } } },
        { variant: 'sms', exposed: 1, metrics: {} },
      ],
    });
    expect(one.variants[0]?.metrics[1]).toMatchObject({ mean: 5, variance: null });
    expect(one.variants[1]?.metrics[0]?.comparison).toBeNull();

    const noConversions = experimentResults({
      ...input,
      totals: [
        { variant: 'email', exposed: 500, metrics: {} },
        { variant: 'sms', exposed: 500, metrics: {} },
      ],
    });
    expect(noConversions.variants[1]?.metrics[0]).toMatchObject({ conversions: 0, conversionRate: 0, variance: 0, comparison: null });
    expect(noConversions.sampleSize).toBeNull();

    for (const r of [single, empty, one, noConversions]) expect(hasNaN(r)).toBe(false);
  });
});
