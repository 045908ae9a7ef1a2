/**
 * Per-variant sufficient statistics of one metric, as one SQL aggregate gives them over the exposed
 * customers (a customer without a matching event counts with value 0):
 * n = exposed customers, sum = Σ value, sumSquares = Σ value². For a BINOMIAL metric the value is 0/1,
 * so sum = conversions (and sumSquares = sum).
 */
export interface MetricTotals {
  n: number;
  sum: number;
  /** Σ value²: required for MEAN (else no variance), ignored for BINOMIAL. */
  sumSquares?: number;
}

/** Which variance applies: a proportion's p(1 − p), or the sample variance of a per-customer value. */
export type MetricType = 'BINOMIAL' | 'MEAN';

export interface Moments {
  n: number;
  mean: number;
  /** Variance of one customer's value (not of the mean). */
  variance: number;
}

/**
 * Mean and per-customer variance as gbstats computes them (packages/stats/gbstats/models/statistics.py):
 *  - BINOMIAL (ProportionStatistic): p = sum / n, variance p(1 − p);
 *  - MEAN (SampleMeanStatistic): mean = sum / n, variance (Σx² − (Σx)² / n) / (n − 1).
 * null when n < 2 (no variance to speak of) or, for MEAN, without a finite sumSquares; never NaN. A slightly negative variance from
 * floating-point cancellation is clamped to 0.
 */
export function moments(type: MetricType, totals: MetricTotals): Moments | null {
  const { n, sum } = totals;
  if (!(n >= 2) || !Number.isFinite(sum)) return null;
  const mean = sum / n;
  if (type === 'BINOMIAL') return { n, mean, variance: Math.max(0, mean * (1 - mean)) };
  const sumSquares = totals.sumSquares;
  if (sumSquares === undefined || !Number.isFinite(sumSquares)) return null;
  return { n, mean, variance: Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1)) };
}
