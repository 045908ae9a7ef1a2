import { regularizedBeta, logGamma } from './special-functions';
import { normalCdf, normalQuantile, normalSf, normalPdf } from './normal';

/** Beyond this many degrees of freedom the t distribution is the normal to better than 1e-8. */
const NORMAL_LIMIT_DF = 1e8;

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`Student t needs degrees of freedom > 0, got ${df}`);
}

/**
 * Upper tail P(T > t) of Student's t with ν degrees of freedom, ν real > 0. For t ≥ 0,
 * P(T > t) = ½ I_x(ν/2, ½) with x = ν / (ν + t²) (A&S 26.7.1 with 26.5.27), and 1 − x = t² / (ν + t²)
 * is passed as computed, not by subtraction. Symmetry gives t < 0.
 */
export function studentTSf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (df > NORMAL_LIMIT_DF) return normalSf(t);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  if (t < 0) return 1 - studentTSf(-t, df);
  const t2 = t * t;
  const denominator = df + t2;
  return 0.5 * regularizedBeta(df / denominator, df / 2, 0.5, t2 / denominator);
}

/** Student t CDF P(T ≤ t). */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (df > NORMAL_LIMIT_DF) return normalCdf(t);
  return t < 0 ? studentTSf(-t, df) : 1 - studentTSf(t, df);
}

/** Student t density Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2). */
export function studentTPdf(t: number, df: number): number {
  checkDf(df);
  if (df > NORMAL_LIMIT_DF) return normalPdf(t);
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Student t quantile. Closed forms for ν = 1 (Cauchy: tan(π(p − ½)), i.e. cot(πq) for the
 * upper tail q) and ν = 2 (t = (2p − 1) / √(2p(1 − p)), from the CDF ½ + t / (2√(2 + t²))). Otherwise: inversion of the upper
 * tail by Newton's method inside a bracket that bisection keeps when a step would leave it, started
 * from the first Cornish–Fisher term z + (z³ + z) / (4ν) (A&S 26.7.5), to a relative 1e-14.
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df > NORMAL_LIMIT_DF) return normalQuantile(p);
  // Solve the upper tail P(T > x) = q for q = min(p, 1 − p) < ½, x > 0; p itself is the tail below ½.
  const q = p < 0.5 ? p : 1 - p;
  const sign = p < 0.5 ? -1 : 1;
  return sign * upperTailQuantile(q, df);
}

function upperTailQuantile(q: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * q);
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  const z = -normalQuantile(q);
  let x = z + (z * z * z + z) / (4 * df);
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 200; i++) {
    const f = studentTSf(x, df) - q; // decreasing in x
    if (f > 0) lo = x;
    else hi = x;
    const density = studentTPdf(x, df);
    let next = density > 0 ? x + f / density : NaN;
    if (!(next > lo && next < hi)) next = hi === Infinity ? Math.max(2 * x, x + 1) : (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-14 * Math.abs(x)) return next;
    x = next;
  }
  return x;
}
