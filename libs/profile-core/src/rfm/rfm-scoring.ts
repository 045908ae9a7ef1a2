import { z } from 'zod';

/** The RFM window in days (default 365); numbers may arrive as strings (environment variables). */
export const rfmWindowSchema = z
  .object({
    days: z.coerce.number('must be a number of days').int('must be a whole number of days').min(1, 'must be at least 1').max(3650, 'must be at most 3650').default(365),
  })
  .strict();
export type RfmWindow = z.output<typeof rfmWindowSchema>;

/**
 * Quintile score 1-5 of `valueExpr` over the scored population, as a PostgreSQL window
 * expression. Recommended over a bare `ntile(5)`, which splits equal values across buckets by
 * row order (most customers have exactly one order), so a customer's score could change between
 * runs with nothing changed. Here equal values always share a score:
 *   score = least(5, 1 + floor(5 * percent_rank()))
 * ordered so that the best value ranks last: `HIGHER` is better for frequency and monetary,
 * `LOWER` for recency (fewer days since the last order scores higher). A tied block takes the
 * score of its lowest position, so large ties are scored down (with 60% single-order customers,
 * all of them get F = 1 and the next frequency starts at F = 4). One customer alone scores 1.
 *
 * The scored population (decided here, applied by the app's SQL):
 *   - customers with at least one ORDER_PLACED ever; customers who never ordered are not
 *     scored: recency, frequency, monetary, scores and segment are all null;
 *   - recencyDays = whole days since the last order ever (not limited to the window);
 *   - frequency = orders placed within the window (0 when the last order is older);
 *   - monetary = order totals in the window minus cancellations and refunds in the window,
 *     floored at 0.
 * So customers whose orders are all older than the window are scored, landing at the bottom of
 * F and M (and usually R): LOST or HIBERNATING, which is what a dormancy product must see.
 */
export function rfmScoreSql(valueExpr: string, better: 'HIGHER' | 'LOWER'): string {
  return `LEAST(5, 1 + floor(5 * percent_rank() OVER (ORDER BY (${valueExpr}) ${better === 'HIGHER' ? 'ASC' : 'DESC'})))::int`;
}
