import type { MetricKind } from '@rekindle/experiment-core';
import type { EntityManager } from '@rekindle/platform-database';

export interface ResultsMetricSpec {
  key: string;
  kind: MetricKind;
  event: string;
}

/** One variant's row of the aggregate, exact: numeric sums as decimal strings. */
export interface ExactVariantTotals {
  variant: string;
  exposed: number;
  /** Per metric key: Σ value and Σ value² over the variant's exposed customers. */
  metrics: Record<string, { sum: string; sumSquares: string }>;
}

/**
 * The SQL of `loadResultTotals` (exported for EXPLAIN in the benchmark). $1 the experiment, $2 the
 * metrics' events. Rows with a null event are the exposures per variant; the others are, per
 * variant and event, the customers with a conversion row, Σ events, Σ events², Σ amount, Σ amount².
 */
export const RESULT_TOTALS_SQL = `
  SELECT variant, NULL::text AS event, count(*)::text AS customers,
         NULL::text AS events, NULL::text AS events_sq, NULL::text AS amount, NULL::text AS amount_sq
  FROM exposure WHERE experiment_id = $1
  GROUP BY variant
  UNION ALL
  SELECT variant, event, count(*)::text, sum(events)::text, sum(events::bigint * events)::text, sum(amount)::text, sum(amount * amount)::text
  FROM conversion WHERE experiment_id = $1 AND event = ANY($2::text[])
  GROUP BY variant, event`;

interface TotalsRow {
  variant: string;
  event: string | null;
  customers: string;
  events: string | null;
  events_sq: string | null;
  amount: string | null;
  amount_sq: string | null;
}

/**
 * The one aggregate behind `Experiment.results`: per variant the exposed customers n and, per
 * metric, Σx and Σx² over them, exact (numeric) until the caller converts them.
 *
 * A customer's value of a metric on event E is a function of their one conversion row for E (the
 * key is experiment, customer, event): BINOMIAL 1 when the row exists, COUNT its events, REVENUE
 * its amount. A customer without a row has value 0 and adds nothing to Σx or Σx². So the sums are
 * plain sums over the conversion rows grouped by (variant, event), with no per-customer grouping,
 * and n is a count of the exposures. The conversion window was applied when each event was counted.
 */
export async function loadResultTotals(
  manager: EntityManager,
  experimentId: string,
  metrics: readonly ResultsMetricSpec[],
): Promise<ExactVariantTotals[]> {
  const rows: TotalsRow[] = await manager.query(RESULT_TOTALS_SQL, [experimentId, [...new Set(metrics.map((m) => m.event))]]);
  const exposed = rows.filter((r) => r.event === null);
  const converted = new Map(rows.filter((r) => r.event !== null).map((r) => [`${r.variant}\u0000${r.event}`, r]));
  return exposed.map((x) => ({
    variant: x.variant,
    exposed: Number(x.customers),
    metrics: Object.fromEntries(
      metrics.map((m) => {
        const c = converted.get(`${x.variant}\u0000${m.event}`);
        if (!c) return [m.key, { sum: '0', sumSquares: '0' }];
        switch (m.kind) {
          case 'BINOMIAL':
            return [m.key, { sum: c.customers, sumSquares: c.customers }];
          case 'COUNT':
            return [m.key, { sum: c.events ?? '0', sumSquares: c.events_sq ?? '0' }];
          case 'REVENUE':
            return [m.key, { sum: c.amount ?? '0', sumSquares: c.amount_sq ?? '0' }];
        }
      }),
    ),
  }));
}
