import { experimentResults, SRM_P_VALUE_THRESHOLD, type MetricComparison, type MetricKind } from '@rekindle/experiment-core';
import { canonicalDecimal } from '@rekindle/util';
import type { Cache } from '@rekindle/platform-cache';
import type { Clock } from '@rekindle/platform-config';
import type { DataSource } from '@rekindle/platform-database';
import { metricsOf, type ExperimentModel } from '../data/experiment.model';
import { loadResultTotals } from '../data/results.query';

export interface IntervalView {
  lower: number;
  upper: number;
}

export interface ComparisonView {
  lift: number;
  standardError: number;
  confidenceInterval: IntervalView;
  degreesOfFreedom: number;
  pValue: number;
  adjustedPValue: number;
  significant: boolean;
  chanceToBeatControl: number;
  expectedLoss: number;
  expectedLossOfControl: number;
  credibleInterval: IntervalView;
}

export interface MetricResultsView {
  metric: string;
  kind: MetricKind;
  role: 'PRIMARY' | 'GUARDRAIL';
  total: string;
  mean: number | null;
  variance: number | null;
  conversions: number | null;
  conversionRate: number | null;
  comparison: ComparisonView | null;
}

export interface VariantResultsView {
  variant: string;
  name: string;
  isControl: boolean;
  exposed: number;
  expectedShare: number;
  observedShare: number | null;
  metrics: MetricResultsView[];
  conversions: number | null;
  conversionRate: number | null;
  revenueMean: number | null;
  revenueVariance: number | null;
}

/** `Experiment.results` as the schema shapes it; JSON-safe so it can be cached. */
export interface ExperimentResultsView {
  totalExposed: number;
  variants: VariantResultsView[];
  srm: { chiSquared: number; degreesOfFreedom: number; pValue: number; mismatch: boolean; threshold: number };
  sampleSize: { metric: string; minimumDetectableEffect: number; requiredPerVariant: number; additionalExposures: number } | null;
  /** ISO-8601. */
  computedAt: string;
}

const SIGNIFICANCE = 0.05;

const interval = ([lower, upper]: [number, number]): IntervalView => ({ lower, upper });

function comparisonView(c: MetricComparison | null): ComparisonView | null {
  if (!c) return null;
  return {
    lift: c.lift,
    standardError: c.standardError,
    confidenceInterval: interval(c.ci),
    degreesOfFreedom: c.degreesOfFreedom,
    pValue: c.pValue,
    adjustedPValue: c.adjustedPValue,
    significant: c.adjustedPValue < SIGNIFICANCE,
    chanceToBeatControl: c.chanceToBeatControl,
    expectedLoss: c.expectedLoss,
    expectedLossOfControl: c.expectedLossOfControl,
    credibleInterval: interval(c.credibleInterval),
  };
}

/**
 * Results of an experiment: the one SQL aggregate (loadResultTotals: per variant n, Σx, Σx² per
 * metric, exact), converted to numbers only here, then experiment-core's experimentResults (both
 * engines against the control, Holm over every variant × metric comparison, the SRM check, the
 * sample size for the primary metric). Cached for RESULTS_CACHE_SECONDS per experiment version.
 */
export class ExperimentResultsUseCase {
  constructor(private readonly deps: { dataSource: DataSource; cache: Cache; cacheSeconds: number; clock: Clock }) {}

  execute(experiment: ExperimentModel): Promise<ExperimentResultsView> {
    return this.deps.cache.getOrCompute(`results:${experiment.id}:${experiment.version}`, this.deps.cacheSeconds, () => this.compute(experiment));
  }

  async compute(experiment: ExperimentModel): Promise<ExperimentResultsView> {
    const metrics = metricsOf(experiment);
    const exact = await loadResultTotals(this.deps.dataSource.manager, experiment.id, metrics);
    const exactByVariant = new Map(exact.map((row) => [row.variant, row]));
    const results = experimentResults({
      variants: experiment.variants.map((v) => ({ key: v.key, weight: v.weight })),
      primaryMetric: { key: experiment.primaryMetric.key, kind: experiment.primaryMetric.kind },
      guardrailMetrics: experiment.guardrailMetrics.map((m) => ({ key: m.key, kind: m.kind })),
      totals: exact.map((row) => ({
        variant: row.variant,
        exposed: row.exposed,
        metrics: Object.fromEntries(
          Object.entries(row.metrics).map(([key, t]) => [key, { sum: Number(t.sum), sumSquares: Number(t.sumSquares) }]),
        ),
      })),
      minimumDetectableEffect: experiment.minimumDetectableEffect,
    });

    const totalExposed = results.variants.reduce((n, v) => n + v.exposed, 0);
    const variants = results.variants.map((row, i): VariantResultsView => {
      const definition = experiment.variants[i];
      const metricViews = row.metrics.map(
        (m): MetricResultsView => ({
          metric: m.metric,
          kind: m.kind,
          role: m.role,
          total: canonicalDecimal(exactByVariant.get(row.variant)?.metrics[m.metric]?.sum ?? '0'),
          mean: m.mean,
          variance: m.variance,
          conversions: m.conversions,
          conversionRate: m.conversionRate,
          comparison: comparisonView(m.comparison),
        }),
      );
      const binomial = metricViews.find((m) => m.kind === 'BINOMIAL');
      const revenue = metricViews.find((m) => m.kind === 'REVENUE');
      return {
        variant: row.variant,
        name: definition?.name ?? row.variant,
        isControl: row.isControl,
        exposed: row.exposed,
        expectedShare: definition?.weight ?? 0,
        observedShare: totalExposed > 0 ? row.exposed / totalExposed : null,
        metrics: metricViews,
        conversions: binomial?.conversions ?? null,
        conversionRate: binomial?.conversionRate ?? null,
        revenueMean: revenue?.mean ?? null,
        revenueVariance: revenue?.variance ?? null,
      };
    });
    const srm = results.srm ?? { chiSquared: 0, degreesOfFreedom: Math.max(0, variants.length - 1), pValue: 1, mismatch: false };
    return {
      totalExposed,
      variants,
      srm: { ...srm, threshold: SRM_P_VALUE_THRESHOLD },
      sampleSize: results.sampleSize
        ? { metric: experiment.primaryMetric.key, minimumDetectableEffect: experiment.minimumDetectableEffect, ...results.sampleSize }
        : null,
      computedAt: this.deps.clock.now().toISOString(),
    };
  }
}
