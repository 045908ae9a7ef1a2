import { chiSquaredSf } from './chi-squared';

/** GrowthBook flags a sample-ratio mismatch below this p-value. */
export const SRM_P_VALUE_THRESHOLD = 0.001;

export interface SrmResult {
  chiSquared: number;
  degreesOfFreedom: number;
  pValue: number;
  /** True when pValue < the threshold: the split is not what the weights promise, so distrust the results. */
  mismatch: boolean;
}

/**
 * Sample-ratio mismatch: Pearson's chi-squared goodness of fit of the exposures per variant against
 * the expected weights, as gbstats' check_srm (utils.py): weights are normalised to their sum,
 * E_i = w_i / Σw · Σo, X² = Σ (o_i − E_i)² / E_i over variants with w_i > 0, k − 1 degrees of freedom,
 * p = Q((k − 1)/2, X²/2). No exposures at all: p = 1 (gbstats). Fewer than two variants: null.
 */
export function sampleRatioMismatch(exposures: readonly number[], weights: readonly number[], threshold = SRM_P_VALUE_THRESHOLD): SrmResult | null {
  if (exposures.length < 2 || weights.length !== exposures.length) return null;
  const degreesOfFreedom = exposures.length - 1;
  const totalObserved = exposures.reduce((s, o) => s + o, 0);
  const totalWeight = weights.reduce((s, w) => s + (w > 0 ? w : 0), 0);
  if (!(totalObserved > 0) || !(totalWeight > 0)) return { chiSquared: 0, degreesOfFreedom, pValue: 1, mismatch: false };
  let chiSquared = 0;
  exposures.forEach((o, i) => {
    const w = weights[i] as number;
    if (!(w > 0)) return;
    const expected = (w / totalWeight) * totalObserved;
    chiSquared += ((o - expected) * (o - expected)) / expected;
  });
  const pValue = chiSquaredSf(chiSquared, degreesOfFreedom);
  return { chiSquared, degreesOfFreedom, pValue, mismatch: pValue < threshold };
}
