import { regularizedGamma } from './special-functions';

/**
 * Chi-squared survival function P(X > x) for k degrees of freedom: the regularized upper incomplete
 * gamma Q(k/2, x/2) (A&S 26.4.19). Zero degrees of freedom is a point mass at 0.
 */
export function chiSquaredSf(x: number, df: number): number {
  if (!(df >= 0)) throw new RangeError(`chiSquaredSf needs df >= 0, got ${df}`);
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (df === 0) return 0;
  return regularizedGamma(df / 2, x / 2).q;
}
