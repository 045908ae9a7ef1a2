import type { Moments } from './moments';
import { relativeEffect } from './frequentist';
import { normalCdf, normalPdf, normalQuantile } from './normal';

export interface BayesianResult {
  /** Posterior mean of the relative lift. */
  expectedLift: number;
  /** Posterior standard deviation of the relative lift. */
  standardDeviation: number;
  /** P(Δ > 0): the chance the variant beats the control. */
  chanceToBeatControl: number;
  /** E[max(0, −Δ)]: expected relative loss when shipping the variant (relative to the control mean). */
  expectedLoss: number;
  /** E[max(0, Δ)]: expected relative loss when keeping the control instead. */
  expectedLossOfControl: number;
  /** Central (1 − α) credible interval of the lift. */
  credibleInterval: [number, number];
}

/**
 * GrowthBook's Bayesian engine since gbstats' "gaussian effect model" (GrowthBook PR #2406, 2024;
 * gbstats EffectBayesianABTest; docs.growthbook.io/statistics/details "Bayesian Engine"), with its
 * default improper (flat) prior: on the RELATIVE scale (not the log scale of the older engine), the
 * posterior of the lift is Normal(Δ̂, σ̂²_Δ) with Δ̂ and σ̂²_Δ the delta-method estimates (see
 * relativeEffect). This applies to BINOMIAL metrics (variance p(1 − p)) and to revenue/count means alike.
 * Closed forms for X ~ N(μ, σ²), z = μ / σ:
 *   chance to beat control P(X > 0) = Φ(z)
 *   E[max(0, −X)] = σ φ(z) − μ Φ(−z)     (gbstats: −P(X < 0)·E[X | X < 0], the truncated-normal mean)
 *   E[max(0,  X)] = σ φ(z) + μ Φ(z)
 *   credible interval μ ± Φ⁻¹(1 − α/2) σ.
 * The two losses differ by exactly μ (E[X⁺] − E[X⁻] = E[X]). No Monte Carlo anywhere.
 * null when there is no estimate (either arm n < 2, control mean 0, a zero variance).
 */
export function bayesianTest(control: Moments | null, treatment: Moments | null, alpha = 0.05): BayesianResult | null {
  const effect = relativeEffect(control, treatment);
  if (!effect) return null;
  const mu = effect.lift;
  const sigma = effect.standardError;
  const z = mu / sigma;
  const density = sigma * normalPdf(z);
  const width = normalQuantile(1 - alpha / 2) * sigma;
  return {
    expectedLift: mu,
    standardDeviation: sigma,
    chanceToBeatControl: normalCdf(z),
    expectedLoss: Math.max(0, density - mu * normalCdf(-z)),
    expectedLossOfControl: Math.max(0, density + mu * normalCdf(z)),
    credibleInterval: [mu - width, mu + width],
  };
}
