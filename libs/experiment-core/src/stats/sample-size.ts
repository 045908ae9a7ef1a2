import type { Moments } from './moments';
import { normalQuantile } from './normal';

export interface SampleSizeInput {
  /** The control's observed mean and per-customer variance. */
  control: Moments | null;
  /** Relative minimum detectable effect: 0.05 = a 5 % lift over the control mean. */
  minimumDetectableEffect: number;
  /** Customers exposed so far, per variant (the first is the control). */
  exposed: readonly number[];
  /** Expected share of each variant; equal when absent. Normalised to their sum. */
  weights?: readonly number[];
  alpha?: number;
  power?: number;
}

export interface SampleSizeResult {
  /** Customers each variant needs for the test to detect the MDE. */
  requiredPerVariant: number;
  /** Further exposures (all variants together) until every variant has that many, at the given split. */
  additionalExposures: number;
}

/**
 * Sample size for a two-sided, two-sample comparison of means with equal groups and the control's
 * variance for both (the normal-approximation formula, e.g. Chow, Shao & Wang, "Sample Size
 * Calculations in Clinical Research" (2nd ed., 2008) §3.2; Kohavi, Tang & Xu, "Trustworthy Online
 * Controlled Experiments" (2020) ch. 17, whose rule of thumb 16σ²/δ² is this with α = 0.05, power 0.8):
 *   n = 2 (z_{1−α/2} + z_{power})² σ² / δ²,   δ = MDE · |μ_C|
 * rounded up. With α = 0.05 and power 0.8: 2 (1.959964 + 0.841621)² = 15.6978.
 * A variant with share w_i of new exposures reaches n after (n − n_i) / w_i more exposures in all;
 * additionalExposures is the largest of those (0 once every variant has n), rounded up; a variant
 * with weight 0 gets no new exposures and is left out.
 * null when the control has no estimate (n < 2), a zero mean or zero variance.
 */
export function sampleSizeNeeded(input: SampleSizeInput): SampleSizeResult | null {
  const { control, minimumDetectableEffect, exposed } = input;
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  if (!control || control.mean === 0 || !(control.variance > 0) || !(minimumDetectableEffect > 0) || exposed.length === 0) return null;
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  const delta = minimumDetectableEffect * Math.abs(control.mean);
  const requiredPerVariant = Math.ceil((2 * z * z * control.variance) / (delta * delta));
  const weights = input.weights && input.weights.length === exposed.length ? input.weights : exposed.map(() => 1);
  const totalWeight = weights.reduce((s, w) => s + Math.max(0, w), 0);
  let additional = 0;
  exposed.forEach((n, i) => {
    const share = Math.max(0, weights[i] as number) / totalWeight;
    const missing = requiredPerVariant - n;
    if (missing > 0 && share > 0) additional = Math.max(additional, missing / share);
  });
    // The 1e-9 keeps float noise (26256.000000000004) from adding a customer.
  return { requiredPerVariant, additionalExposures: additional > 0 ? Math.ceil(additional - 1e-9) : 0 };
}
