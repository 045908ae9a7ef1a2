import { bayesianTest, frequentistTest, moments, normalPdf, relativeEffect, welchDegreesOfFreedom } from '../index';

const near = (actual: number | undefined, expected: number, tol = 1e-9) =>
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

/*
 * Binomial example, by hand. Control: 100 of 1000 convert, p_C = 0.1, σ²_C = 0.1·0.9 = 0.09.
 * Variant: 120 of 1000, p_T = 0.12, σ²_T = 0.12·0.88 = 0.1056.
 *   lift = 0.12 / 0.1 − 1 = 0.2
 *   Var = σ²_T/(p_C² n_T) + σ²_C p_T²/(p_C⁴ n_C) = 0.1056/(0.01·1000) + 0.09·0.0144/(0.0001·1000)
 *       = 0.01056 + 0.01296 = 0.02352,  se = √0.02352 = 0.15336232
 *   ν = (1.056e-4 + 9e-5)² / ((1.056e-4)²/999 + (9e-5)²/999) = 3.825936e-8 / 1.9270630e-11 = 1985.3715
 *   t = 0.2 / 0.15336232 = 1.3041013,  p = 2·P(T_1985 > 1.3041) = 0.19235
 *   chance to beat control Φ(1.3041) = 0.90390
 * The digits below come from scipy 1.17.1 fed these moments (t.sf, t.ppf, norm.sf, and for the
 * losses gbstats' own route: truncnorm means times probabilities).
 */
const binomialControl = moments('BINOMIAL', { n: 1000, sum: 100 });
const binomialVariant = moments('BINOMIAL', { n: 1000, sum: 120 });

/*
 * Revenue example, by hand, from the raw values. Control [0, 0, 10, 20, 0]: n 5, Σ 30, Σx² 500,
 * mean 6, s² = (500 − 30²/5)/4 = 80. Variant [5, 0, 30, 0, 15, 10]: n 6, Σ 60, Σx² 1250, mean 10,
 * s² = (1250 − 60²/6)/5 = 130.
 *   lift = 10/6 − 1 = 0.6666667
 *   Var = 130/(36·6) + 80·100/(6⁴·5) = 0.6018519 + 1.2345679 = 1.8364198,  se = 1.3551457
 *   ν = (130/6 + 80/5)² / ((130/6)²/5 + (80/5)²/4) = 1418.7778 / 157.8889 = 8.985925
 *   (scipy.stats.ttest_ind(variant, control, equal_var=False).df = 8.985925404644616 as well)
 */
const revenueControl = moments('MEAN', { n: 5, sum: 30, sumSquares: 500 });
const revenueVariant = moments('MEAN', { n: 6, sum: 60, sumSquares: 1250 });

describe('moments', () => {
  it('uses p(1 − p) for proportions and the n − 1 sample variance for means (gbstats)', () => {
    expect(binomialControl?.mean).toBe(0.1);
    near(binomialControl?.variance, 0.09, 1e-15);
    expect(revenueControl).toEqual({ n: 5, mean: 6, variance: 80 });
    expect(revenueVariant).toEqual({ n: 6, mean: 10, variance: 130 });
  });

  it('is null below two customers, never NaN', () => {
    expect(moments('MEAN', { n: 1, sum: 5, sumSquares: 25 })).toBeNull();
    expect(moments('BINOMIAL', { n: 0, sum: 0 })).toBeNull();
    expect(moments('MEAN', { n: 10, sum: 5 })).toBeNull(); // no Σx²: no variance
    expect(moments('MEAN', { n: 3, sum: 6, sumSquares: 12 })).toEqual({ n: 3, mean: 2, variance: 0 });
  });
});

describe('frequentist engine (Welch t on the relative lift, delta method)', () => {
  it('reproduces the binomial example', () => {
    const r = frequentistTest(binomialControl, binomialVariant);
    near(r?.lift, 0.2, 1e-14);
    near(r?.standardError, 0.1533623161014465, 1e-13);
    near(r?.degreesOfFreedom, 1985.3714563542521, 1e-12);
    near(r?.pValue, 0.19235020701505576, 1e-10);
    near(r?.ci[0], -0.1007679748483562, 1e-10);
    near(r?.ci[1], 0.5007679748483561, 1e-10);
  });

  it('reproduces the revenue example', () => {
    const r = frequentistTest(revenueControl, revenueVariant);
    near(r?.lift, 0.6666666666666667, 1e-14);
    near(r?.standardError, 1.3551456575167187, 1e-13);
    near(r?.degreesOfFreedom, 8.985925404644616, 1e-12);
    near(r?.pValue, 0.6345473349103166, 1e-10);
    near(r?.ci[0], -2.3996178726662185, 1e-10);
    near(r?.ci[1], 3.7329512059995515, 1e-10);
  });

  it('is null (not NaN) for a zero control mean, zero variance, or n < 2', () => {
    const zeroConversions = moments('BINOMIAL', { n: 1000, sum: 0 });
    expect(relativeEffect(zeroConversions, binomialVariant)).toBeNull(); // control mean 0: lift undefined
    expect(frequentistTest(binomialControl, zeroConversions)).toBeNull(); // variant variance 0 (gbstats: no result)
    expect(frequentistTest(revenueControl, moments('MEAN', { n: 3, sum: 6, sumSquares: 12 }))).toBeNull();
    expect(frequentistTest(revenueControl, moments('MEAN', { n: 1, sum: 6, sumSquares: 36 }))).toBeNull();
    expect(frequentistTest(null, revenueVariant)).toBeNull();
  });

  it('gives p = 1 and a symmetric interval for equal arms', () => {
    const r = frequentistTest(binomialControl, binomialControl);
    expect(r?.lift).toBe(0);
    near(r?.pValue, 1, 1e-14);
    near(r?.ci[0], -(r?.ci[1] as number), 1e-14);
  });

  it('computes Welch–Satterthwaite; equal variances and sizes give 2(n − 1)', () => {
    near(welchDegreesOfFreedom({ n: 50, mean: 1, variance: 4 }, { n: 50, mean: 2, variance: 4 }), 98, 1e-14);
  });
});

describe('Bayesian engine (flat prior, normal posterior of the relative lift)', () => {
  it('reproduces the binomial example', () => {
    const r = bayesianTest(binomialControl, binomialVariant);
    near(r?.chanceToBeatControl, 0.9039004818067534, 1e-12);
    near(r?.expectedLoss, 0.006921607912677919, 1e-11);
    near(r?.expectedLossOfControl, 0.2069216079126779, 1e-11);
    near(r?.credibleInterval[0], -0.10058461614448239, 1e-12);
    near(r?.credibleInterval[1], 0.5005846161444822, 1e-12);
  });

  it('reproduces the revenue example', () => {
    const r = bayesianTest(revenueControl, revenueVariant);
    near(r?.chanceToBeatControl, 0.6886233747879481, 1e-12);
    near(r?.expectedLoss, 0.2714235777120874, 1e-11);
    near(r?.expectedLossOfControl, 0.9380902443787542, 1e-11);
  });

  it('agrees with a deterministic numerical integral of the posterior (Simpson, 20,000 panels over ±12σ)', () => {
    const r = bayesianTest(revenueControl, revenueVariant);
    const mu = r?.expectedLift as number;
    const sigma = r?.standardDeviation as number;
    const density = (x: number) => normalPdf((x - mu) / sigma) / sigma;
    const simpson = (f: (x: number) => number, a: number, b: number, panels: number) => {
      const h = (b - a) / panels;
      let s = f(a) + f(b);
      for (let i = 1; i < panels; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
      return (s * h) / 3;
    };
    const lo = mu - 12 * sigma;
    const hi = mu + 12 * sigma;
    near(simpson(density, 0, hi, 20_000), r?.chanceToBeatControl as number, 1e-10);
    near(simpson((x) => -x * density(x), lo, 0, 20_000), r?.expectedLoss as number, 1e-10);
    near(simpson((x) => x * density(x), 0, hi, 20_000), r?.expectedLossOfControl as number, 1e-10);
  });

  it('makes the two losses differ by the expected lift and gives ½ for equal arms', () => {
    const r = bayesianTest(binomialControl, binomialVariant);
    near((r?.expectedLossOfControl as number) - (r?.expectedLoss as number), r?.expectedLift as number, 1e-14);
    expect(bayesianTest(binomialControl, binomialControl)?.chanceToBeatControl).toBe(0.5);
    expect(bayesianTest(binomialControl, moments('BINOMIAL', { n: 1000, sum: 0 }))).toBeNull();
  });
});
