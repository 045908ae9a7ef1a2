import {
  chiSquaredSf,
  erfc,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSf,
  regularizedBeta,
  studentTCdf,
  studentTQuantile,
  studentTSf,
} from '../index';

/** |actual − expected| ≤ tol · max(1, |expected|) */
const near = (actual: number, expected: number, tol = 1e-9) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
/** relative error, for tails */
const rel = (actual: number, expected: number, tol = 1e-9) => expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(tol);

// Reference values: scipy.stats / scipy.special (scipy 1.17.1), computed independently of this code.
describe('normal distribution', () => {
  it('matches scipy norm.cdf / norm.ppf', () => {
    near(normalQuantile(0.975), 1.959963984540054, 1e-12);
    near(normalCdf(1.0), 0.8413447460685429, 1e-13);
    near(normalCdf(-1.96), 0.024997895148220435, 1e-13);
    near(normalQuantile(0.95), 1.6448536269514722, 1e-12);
    near(normalQuantile(0.8), 0.8416212335729143, 1e-12);
    near(normalQuantile(0.001), -3.090232306167813, 1e-12);
    near(normalQuantile(1e-10), -6.361340902404056, 1e-12);
  });

  it('keeps relative accuracy far in the tails', () => {
    rel(normalCdf(-10), 7.61985302416047e-24, 1e-12);
    rel(normalCdf(-37), 5.7255712225239266e-300, 1e-11);
    rel(normalSf(10), 7.61985302416047e-24, 1e-12);
  });

  it('is symmetric and inverts itself', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const z of [-8, -3.3, -1, -0.01, 0.2, 1.7, 4, 7.5]) near(normalCdf(z) + normalCdf(-z), 1, 1e-15);
    // Round trips above z ≈ 5 lose digits in Φ(z) itself (1 − 1e-7 keeps only 9), so stop at 4.
    for (const z of [-30, -8, -3.3, -1, -0.01, 0.2, 1.7, 4]) near(normalQuantile(normalCdf(z)), z, 1e-9);
    near(erfc(0.5) + erfc(-0.5), 2, 1e-15);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});

describe('Student t distribution', () => {
  it('matches the reference values of the brief (scipy)', () => {
    near(studentTQuantile(0.975, 10), 2.2281388519649385, 1e-9);
    near(studentTCdf(2.0, 5), 0.9490302605850709, 1e-12);
    near(studentTQuantile(0.975, 1), 12.706204736174698, 1e-9);
  });

  it('matches scipy t.cdf / t.sf / t.ppf, including fractional and large degrees of freedom', () => {
    near(studentTQuantile(0.975, 30), 2.0422724563012378, 1e-12);
    near(studentTQuantile(0.975, 3.5), 2.9400886379827282, 1e-12);
    near(studentTQuantile(0.025, 7), -2.3646242515927844, 1e-12);
    near(studentTQuantile(0.995, 1e5), 2.575878469908375, 1e-11);
    rel(studentTSf(3, 12.3), 0.005400627034998524, 1e-12);
    rel(studentTSf(10, 4), 0.0002810018113579955, 1e-12);
    rel(studentTCdf(-1.5, 200_000), 0.06680799051592168, 1e-10);
  });

  it('agrees with the closed forms for 1 and 2 degrees of freedom', () => {
    // ν = 1 is Cauchy: F(t) = ½ + atan(t)/π.  ν = 2: F(t) = ½ + t / (2√(2 + t²)).
    for (const t of [-20, -2, -0.3, 0, 0.7, 3, 50]) {
      near(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-13);
      near(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)), 1e-13);
    }
    near(studentTQuantile(0.9, 2), 1.885618083164127, 1e-12); // (2p − 1)/√(2p(1 − p)) = 0.8/√0.18
  });

  it('inverts itself and tends to the normal', () => {
    for (const df of [1.5, 3, 8, 25, 400, 5e4]) {
      for (const p of [1e-8, 0.01, 0.2, 0.5, 0.77, 0.999]) near(studentTCdf(studentTQuantile(p, df), df), p, 1e-11);
    }
    near(studentTQuantile(0.975, 1e9), 1.959963984540054, 1e-12);
  });
});

describe('chi-squared survival and the special functions', () => {
  it('matches scipy chi2.sf', () => {
    near(chiSquaredSf(3.841458820694124, 1), 0.05, 1e-13);
    rel(chiSquaredSf(10, 3), 0.01856613546304325, 1e-12);
    rel(chiSquaredSf(20, 5), 0.0012497305630313773, 1e-12);
    rel(chiSquaredSf(0.5, 4), 0.9735009788392561, 1e-13);
    rel(chiSquaredSf(100, 3), 1.5541594313896026e-21, 1e-11);
  });

  it('agrees with the closed forms: k = 2 is exp(−x/2), k = 1 is 2(1 − Φ(√x))', () => {
    for (const x of [0.01, 1, 4, 13.8, 60]) {
      rel(chiSquaredSf(x, 2), Math.exp(-x / 2), 1e-13);
      rel(chiSquaredSf(x, 1), 2 * normalSf(Math.sqrt(x)), 1e-13);
    }
    expect(chiSquaredSf(0, 3)).toBe(1);
  });

  it('matches scipy gammaln and betainc', () => {
    near(logGamma(0.5), 0.5723649429247001, 1e-14); // ln √π
    near(logGamma(10), 12.801827480081469, 1e-14); // ln 9!
    near(logGamma(123.4), 469.3360974421906, 1e-14);
    near(logGamma(1e-5), 11.512919692895826, 1e-14);
    near(regularizedBeta(0.4, 2.5, 3.5), 0.4869041915261176, 1e-13);
    near(regularizedBeta(0.3, 0.5, 0.5), 0.36901011956554536, 1e-13); // = (2/π) asin(√0.3)
  });
});
