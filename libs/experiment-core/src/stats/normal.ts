import { regularizedGamma } from './special-functions';

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/** Standard normal density φ(z) = e^(−z²/2) / √(2π). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_TWO_PI;
}

/**
 * erfc(x) = 1 − erf(x). For x ≥ 0, erf(x) = P(½, x²) (A&S 7.1.1 with 6.5.16 and Γ(½) = √π), so the
 * tail comes from the incomplete-gamma continued fraction with full relative accuracy; erfc(−x) = 2 − erfc(x).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  return regularizedGamma(0.5, x * x).q;
}

/** Standard normal CDF Φ(z) = ½ erfc(−z / √2) (A&S 26.2.29). Accurate in the far lower tail too. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Standard normal survival 1 − Φ(z) = ½ erfc(z / √2), without cancellation for large z. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Standard normal quantile Φ⁻¹(p). Starts from A&S 26.2.23 (|error| < 4.5e-4):
 * t = √(−2 ln p), x = t − (c0 + c1 t + c2 t²) / (1 + d1 t + d2 t² + d3 t³), then refines with Halley
 * steps on Φ(x) − p (third-order convergence: x ← x − u / (1 + x u / 2), u = (Φ(x) − p) / φ(x)),
 * working in the lower tail and using Φ⁻¹(p) = −Φ⁻¹(1 − p) above ½.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -normalQuantile(1 - p);
  const t = Math.sqrt(-2 * Math.log(p));
  let x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
  for (let i = 0; i < 8; i++) {
    const density = normalPdf(x);
    if (density === 0) break;
    const u = (normalCdf(x) - p) / density;
    const step = u / (1 + (x * u) / 2);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}
