import type { MetricKind } from '../definitions/experiment-definition';
import { bayesianTest } from '../stats/bayesian';
import { frequentistTest } from '../stats/frequentist';
import { holmAdjust } from '../stats/holm';
import { moments, type MetricType, type Moments } from '../stats/moments';
import { sampleSizeNeeded, type SampleSizeResult } from '../stats/sample-size';
import { sampleRatioMismatch, SRM_P_VALUE_THRESHOLD, type SrmResult } from '../stats/srm';

export interface ResultsMetric {
  key: string;
  kind: MetricKind;
}

/** One variant's row of the SQL aggregate: exposed customers and, per metric key, Σ value and Σ value². */
export interface VariantTotals {
  variant: string;
  exposed: number;
  metrics: Readonly<Record<string, { sum: number; sumSquares?: number } | undefined>>;
}

export interface ExperimentResultsInput {
  /** The definition's variants, control first, with their weights (for the SRM check and the sample size). */
  variants: readonly { key: string; weight: number }[];
  primaryMetric: ResultsMetric;
  guardrailMetrics?: readonly ResultsMetric[];
  /** Rows of the aggregate; a variant without a row has no exposures, a metric without totals sums to 0. */
  totals: readonly VariantTotals[];
  /** Relative MDE for the sample-size figure (primary metric). Default 0.05. */
  minimumDetectableEffect?: number;
  /** Default 0.05: 95 % intervals. */
  alpha?: number;
  power?: number;
  srmThreshold?: number;
}

export interface MetricComparison {
  /** Relative lift mean_t / mean_c − 1. */
  lift: number;
  standardError: number;
  /** Frequentist (1 − α) confidence interval of the lift (Welch t). */
  ci: [number, number];
  degreesOfFreedom: number;
  pValue: number;
  /** Holm-adjusted across every variant × metric comparison of the experiment. */
  adjustedPValue: number;
  chanceToBeatControl: number;
  /** Expected relative loss of shipping this variant, E[max(0, −lift)]. */
  expectedLoss: number;
  /** Expected relative loss of keeping the control, E[max(0, lift)]. */
  expectedLossOfControl: number;
  credibleInterval: [number, number];
}

export interface MetricResult {
  metric: string;
  kind: MetricKind;
  role: 'PRIMARY' | 'GUARDRAIL';
  n: number;
  sum: number;
  /** sum / n; null when n = 0. For BINOMIAL the conversion rate. */
  mean: number | null;
  /** Per-customer variance; null when n < 2. */
  variance: number | null;
  /** BINOMIAL only: converted customers, and their share of the exposed. */
  conversions: number | null;
  conversionRate: number | null;
  /** Against the control; null for the control itself and when no estimate exists (n < 2, zero control mean, zero variance). */
  comparison: MetricComparison | null;
}

export interface VariantResult {
  variant: string;
  isControl: boolean;
  exposed: number;
  metrics: MetricResult[];
}

export interface ExperimentResults {
  variants: VariantResult[];
  /** null with fewer than two variants. */
  srm: SrmResult | null;
  /** For the primary metric; null while the control has no usable estimate. */
  sampleSize: SampleSizeResult | null;
}

const metricType = (kind: MetricKind): MetricType => (kind === 'BINOMIAL' ? 'BINOMIAL' : 'MEAN');

/**
 * Assembles `Experiment.results` from one aggregate per variant (see VariantTotals): per variant
 * and metric the descriptive figures, and against the control (the first variant) GrowthBook's
 * frequentist test (frequentistTest) and Bayesian lift (bayesianTest); the Holm correction across
 * all comparisons; the sample-ratio-mismatch check on exposures; the sample size still needed for
 * the primary metric. Every figure that cannot be computed is null, never NaN.
 */
export function experimentResults(input: ExperimentResultsInput): ExperimentResults {
  const alpha = input.alpha ?? 0.05;
  const metrics = [
    { ...input.primaryMetric, role: 'PRIMARY' as const },
    ...(input.guardrailMetrics ?? []).map((m) => ({ ...m, role: 'GUARDRAIL' as const })),
  ];
  const byVariant = new Map(input.totals.map((t) => [t.variant, t]));
  const exposedOf = (key: string) => Math.max(0, byVariant.get(key)?.exposed ?? 0);
  const control = input.variants[0];

  // grid[variant][metric]: the moments each comparison uses (null when n < 2).
  const grid: (Moments | null)[][] = [];
  const rows: VariantResult[] = input.variants.map((v, index) => {
    const exposed = exposedOf(v.key);
    const totals = byVariant.get(v.key);
    const statsRow: (Moments | null)[] = [];
    grid.push(statsRow);
    return {
      variant: v.key,
      isControl: index === 0,
      exposed,
      metrics: metrics.map((m) => {
        const t = totals?.metrics[m.key];
        const sum = t?.sum ?? 0;
        const binomial = m.kind === 'BINOMIAL';
        // A MEAN metric with a non-zero sum but no Σx² has no variance: null rather than a guess.
        const sumSquares = t?.sumSquares ?? (binomial || sum === 0 ? sum : undefined);
        const stats = moments(metricType(m.kind), sumSquares === undefined ? { n: exposed, sum } : { n: exposed, sum, sumSquares });
        statsRow.push(stats);
        const mean = exposed > 0 ? sum / exposed : null;
        return {
          metric: m.key,
          kind: m.kind,
          role: m.role,
          n: exposed,
          sum,
          mean,
          variance: stats?.variance ?? null,
          conversions: binomial ? sum : null,
          conversionRate: binomial ? mean : null,
          comparison: null,
        };
      }),
    };
  });

  // Comparisons against the control, then one Holm family over all of them.
  const pending: { row: number; metric: number; comparison: Omit<MetricComparison, 'adjustedPValue'> }[] = [];
  if (control) {
    metrics.forEach((_m, mi) => {
      const controlStats = grid[0]?.[mi] ?? null;
      rows.forEach((_row, ri) => {
        if (ri === 0) return;
        const treatmentStats = grid[ri]?.[mi] ?? null;
        const f = frequentistTest(controlStats, treatmentStats, alpha);
        const b = bayesianTest(controlStats, treatmentStats, alpha);
        if (!f || !b) return;
        pending.push({
          row: ri,
          metric: mi,
          comparison: {
            lift: f.lift,
            standardError: f.standardError,
            ci: f.ci,
            degreesOfFreedom: f.degreesOfFreedom,
            pValue: f.pValue,
            chanceToBeatControl: b.chanceToBeatControl,
            expectedLoss: b.expectedLoss,
            expectedLossOfControl: b.expectedLossOfControl,
            credibleInterval: b.credibleInterval,
          },
        });
      });
    });
  }
  const adjusted = holmAdjust(pending.map((p) => p.comparison.pValue));
  pending.forEach((p, i) => {
    ((rows[p.row] as VariantResult).metrics[p.metric] as MetricResult).comparison = { ...p.comparison, adjustedPValue: adjusted[i] as number };
  });

  const srm = sampleRatioMismatch(
    input.variants.map((v) => exposedOf(v.key)),
    input.variants.map((v) => v.weight),
    input.srmThreshold ?? SRM_P_VALUE_THRESHOLD,
  );
  const sampleSize = rows[0]
    ? sampleSizeNeeded({
        control: grid[0]?.[0] ?? null,
        minimumDetectableEffect: input.minimumDetectableEffect ?? 0.05,
        exposed: rows.map((r) => r.exposed),
        weights: input.variants.map((v) => v.weight),
        alpha,
        ...(input.power === undefined ? {} : { power: input.power }),
      })
    : null;

  return { variants: rows, srm, sampleSize };
}
