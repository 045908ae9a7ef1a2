import type { Moments } from './moments';
import { studentTQuantile, studentTSf } from './student-t';

export interface RelativeEffect {
  /** Relative lift Δ = mean_t / mean_c − 1. */
  lift: number;
  /** Delta-method standard error of Δ. */
  standardError: number;
}

/**
 * Relative lift and its delta-method variance, as GrowthBook's docs (statistics/details, "Lift")
 * and gbstats (frequentist_diff, variance_of_ratios with zero covariance between independent arms):
 *   Δ = (μ_T − μ_C) / μ_C
 *   Var(Δ) = σ²_T / (μ_C² n_T) + σ²_C μ_T² / (μ_C⁴ n_C)
 * σ² being the per-customer variances. null when either arm is missing, the control mean is 0
 * (lift undefined), or either variance is 0 (gbstats returns no result then either).
 */
export function relativeEffect(control: Moments | null, treatment: Moments | null): RelativeEffect | null {
  if (!control || !treatment) return null;
  if (control.mean === 0 || !(control.variance > 0) || !(treatment.variance > 0)) return null;
  const mc = control.mean;
  const mt = treatment.mean;
  const variance = treatment.variance / (mc * mc * treatment.n) + (control.variance * mt * mt) / (mc * mc * mc * mc * control.n);
  if (!(variance > 0) || !Number.isFinite(variance)) return null;
  return { lift: mt / mc - 1, standardError: Math.sqrt(variance) };
}

/**
 * Welch–Satterthwaite degrees of freedom, as gbstats' TTest.dof (Welch 1947; Satterthwaite 1946):
 *   ν = (σ²_T/n_T + σ²_C/n_C)² / (σ⁴_T / (n_T² (n_T − 1)) + σ⁴_C / (n_C² (n_C − 1)))
 */
export function welchDegreesOfFreedom(control: Moments, treatment: Moments): number {
  const vt = treatment.variance / treatment.n;
  const vc = control.variance / control.n;
  return (vt + vc) ** 2 / ((vt * vt) / (treatment.n - 1) + (vc * vc) / (control.n - 1));
}

export interface FrequentistResult extends RelativeEffect {
  degreesOfFreedom: number;
  /** Two-sided (1 − α) confidence interval of the lift. */
  ci: [number, number];
  /** Two-sided p-value of H0: Δ = 0. */
  pValue: number;
}

/**
 * GrowthBook's frequentist engine (gbstats TwoSidedTTest, relative effect): t = Δ / se(Δ) on ν
 * Welch–Satterthwaite degrees of freedom, p = 2 P(T_ν > |t|), CI = Δ ± t_{1−α/2, ν} se(Δ).
 * null when there is no estimate (see relativeEffect).
 */
export function frequentistTest(control: Moments | null, treatment: Moments | null, alpha = 0.05): FrequentistResult | null {
  const effect = relativeEffect(control, treatment);
  if (!effect || !control || !treatment) return null;
  const dof = welchDegreesOfFreedom(control, treatment);
  const t = effect.lift / effect.standardError;
  const width = studentTQuantile(1 - alpha / 2, dof) * effect.standardError;
  return {
    ...effect,
    degreesOfFreedom: dof,
    ci: [effect.lift - width, effect.lift + width],
    pValue: Math.min(1, 2 * studentTSf(Math.abs(t), dof)),
  };
}
