import { holmAdjust, sampleRatioMismatch, sampleSizeNeeded, moments, normalSf } from '../index';

const near = (actual: number | undefined | null, expected: number, tol = 1e-9) =>
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

describe('sampleRatioMismatch', () => {
  it('computes Pearson X² and its p-value by hand', () => {
    // 5100 / 4900 for 50/50: E = 5000 each, X² = (100² + 100²)/5000 = 4 on 1 df, p = 2(1 − Φ(2)) = 0.0455
    const even = sampleRatioMismatch([5100, 4900], [0.5, 0.5]);
    expect(even?.chiSquared).toBe(4);
    expect(even?.degreesOfFreedom).toBe(1);
    near(even?.pValue, 2 * normalSf(2), 1e-13);
    near(even?.pValue, 0.04550026389635857, 1e-12); // scipy chi2.sf(4, 1)
    expect(even?.mismatch).toBe(false);
    // 5200 / 4800: X² = 16, p = 6.33e-5 < 0.001: flagged
    const skewed = sampleRatioMismatch([5200, 4800], [0.5, 0.5]);
    near(skewed?.pValue, 6.334248366623988e-5, 1e-12);
    expect(skewed?.mismatch).toBe(true);
  });

  it('handles uneven weights, and k = 3 where p = exp(−X²/2)', () => {
    // weights 0.5/0.25/0.25 of 2000: E = 1000, 500, 500; X² = 0 + 100²/500 + 100²/500 = 40; p = e^−20
    const r = sampleRatioMismatch([1000, 600, 400], [0.5, 0.25, 0.25]);
    near(r?.chiSquared, 40, 1e-14);
    near(r?.pValue, Math.exp(-20), 1e-12);
    expect(r?.mismatch).toBe(true);
    // weights are normalised: 2/1/1 is the same split
    expect(sampleRatioMismatch([1000, 600, 400], [2, 1, 1])?.chiSquared).toBeCloseTo(40, 12);
  });

  it('returns p = 1 without exposures and null for a single variant', () => {
    expect(sampleRatioMismatch([0, 0], [0.5, 0.5])).toEqual({ chiSquared: 0, degreesOfFreedom: 1, pValue: 1, mismatch: false });
    expect(sampleRatioMismatch([10], [1])).toBeNull();
  });
});

describe('holmAdjust', () => {
  it('matches a hand computation (and R p.adjust(c(.01, .04, .03, .005), "holm"))', () => {
    // sorted: .005·4 = .02; .01·3 = .03; .03·2 = .06; .04·1 = .04 -> max(.06, .04) = .06
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((e, i) => near(adjusted[i], e, 1e-15));
  });

  it('caps at 1, stays monotone, and passes nulls through', () => {
    expect(holmAdjust([0.5, null, 0.4])).toEqual([0.8, null, 0.8]);
    expect(holmAdjust([0.9, 0.8])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.02])).toEqual([0.02]);
  });
});

describe('sampleSizeNeeded', () => {
  it('matches a hand computation for a conversion rate', () => {
    // p = 0.1, σ² = 0.09, MDE 10 % -> δ = 0.01. z = 1.959964 + 0.841621 = 2.8015852; 2z² = 15.697759
    // n = 15.697759 · 0.09 / 0.0001 = 14127.98 -> 14128 per variant.
    // 1000 exposed each at 50/50: (14128 − 1000) / 0.5 = 26256 more exposures.
    const r = sampleSizeNeeded({ control: moments('BINOMIAL', { n: 1000, sum: 100 }), minimumDetectableEffect: 0.1, exposed: [1000, 1000], weights: [0.5, 0.5] });
    expect(r).toEqual({ requiredPerVariant: 14128, additionalExposures: 26256 });
  });

  it('waits for the slowest variant at an uneven split and is 0 once reached', () => {
    const control = moments('BINOMIAL', { n: 1000, sum: 100 });
    // 20/80 split, 1000 and 4000 exposed: the 20 % arm needs (14128 − 1000)/0.2 = 65640 more.
    expect(sampleSizeNeeded({ control, minimumDetectableEffect: 0.1, exposed: [1000, 4000], weights: [0.2, 0.8] })?.additionalExposures).toBe(65640);
    expect(sampleSizeNeeded({ control, minimumDetectableEffect: 0.1, exposed: [20000, 20000] })?.additionalExposures).toBe(0);
  });

  it('uses the sample variance for revenue and is null without a usable control', () => {
    // mean 6, s² = 80, MDE 10 %: δ = 0.6, n = 15.697759 · 80 / 0.36 = 3488.39 -> 3489
    expect(sampleSizeNeeded({ control: moments('MEAN', { n: 5, sum: 30, sumSquares: 500 }), minimumDetectableEffect: 0.1, exposed: [5, 6] })?.requiredPerVariant).toBe(3489);
    expect(sampleSizeNeeded({ control: moments('BINOMIAL', { n: 1000, sum: 0 }), minimumDetectableEffect: 0.1, exposed: [1000, 1000] })).toBeNull();
    expect(sampleSizeNeeded({ control: null, minimumDetectableEffect: 0.1, exposed: [1, 0] })).toBeNull();
  });
});
