import type { EntityManager } from '@rekindle/platform-database';
import { rfmScoreSql, rfmSegmentSql } from '@rekindle/profile-core';

export interface RfmChange {
  customerId: string;
  recencyDays: number;
  frequency: number;
  monetary: string;
  recencyScore: number;
  frequencyScore: number;
  monetaryScore: number;
  segment: string;
  previousSegment: string | null;
}

const SCORED = `
  WITH params AS (SELECT $1::timestamptz AS now, make_interval(days => $2::int) AS span),
  orders AS (
    SELECT customer_id, max(placed_at) AS last_order,
      count(*) FILTER (WHERE placed_at > now - span)::int AS frequency,
      coalesce(sum(total) FILTER (WHERE placed_at > now - span), 0) AS gross
    FROM customer_order, params WHERE placed_at <= now GROUP BY customer_id),
  reversals AS (
    SELECT customer_id, sum(amount) AS taken FROM order_reversal, params
    WHERE occurred_at > now - span AND occurred_at <= now GROUP BY customer_id),
  base AS (
    SELECT o.customer_id, greatest(0, floor(extract(epoch FROM (SELECT now FROM params) - o.last_order) / 86400))::int AS recency_days,
      o.frequency, greatest(0, o.gross - coalesce(r.taken, 0)) AS monetary
    FROM orders o LEFT JOIN reversals r USING (customer_id)),
  scored AS (
    SELECT *, ${rfmScoreSql('recency_days', 'LOWER')} AS r, ${rfmScoreSql('frequency', 'HIGHER')} AS f,
      ${rfmScoreSql('monetary', 'HIGHER')} AS m
    FROM base)`;

/** The population RFM run: all in PostgreSQL, one statement, whatever the population size. */
export class RfmJobRepository {
  /**
   * Rescores every customer who ever ordered and returns those whose scores or segment changed
   * (new ones included). Raw values are refreshed for everyone.
   */
  async rescore(manager: EntityManager, now: Date, windowDays: number): Promise<{ scored: number; changes: RfmChange[] }> {
    // The planner overestimates the scored rows a hundredfold and JIT-compiles for half a second.
    await manager.query('SET LOCAL jit = off');
    const rows: (RfmChange & { changed: boolean })[] = await manager.query(
      `${SCORED},
       previous AS (SELECT customer_id, r, f, m, segment FROM customer_rfm),
       upserted AS (
         INSERT INTO customer_rfm AS t (customer_id, recency_days, frequency, monetary, r, f, m, segment, window_days, scored_at)
         SELECT customer_id, recency_days, frequency, monetary, r, f, m, ${rfmSegmentSql('r', 'f', 'm')}, $2, $1 FROM scored
         ON CONFLICT (customer_id) DO UPDATE SET recency_days = excluded.recency_days, frequency = excluded.frequency,
           monetary = excluded.monetary, r = excluded.r, f = excluded.f, m = excluded.m, segment = excluded.segment,
           window_days = excluded.window_days, scored_at = excluded.scored_at
         RETURNING t.*)
       SELECT u.customer_id AS "customerId", u.recency_days AS "recencyDays", u.frequency, trim_scale(u.monetary)::text AS monetary,
         u.r AS "recencyScore", u.f AS "frequencyScore", u.m AS "monetaryScore", u.segment, p.segment AS "previousSegment",
         (p.customer_id IS NULL OR (p.r, p.f, p.m, p.segment) IS DISTINCT FROM (u.r, u.f, u.m, u.segment)) AS changed
       FROM upserted u LEFT JOIN previous p USING (customer_id)`,
      [now, windowDays],
    );
    return { scored: rows.length, changes: rows.filter((r) => r.changed).map(({ changed: _changed, ...change }) => change) };
  }
}
