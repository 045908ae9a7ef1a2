import type { EntityManager } from '@rekindle/platform-database';

export interface WindowCounts {
  last30Days: number;
  last90Days: number;
  last180Days: number;
}

/** Customer.activity as the GraphQL edge shows it. Money is exact decimal text. */
export interface ActivitySummary {
  lastActiveAt: Date | null;
  lastLoginAt: Date | null;
  lastOrderAt: Date | null;
  logins: WindowCounts;
  pageViews: WindowCounts;
  averageBrowseDepthLast30Days: number | null;
  averageBrowseDepthPrevious30Days: number | null;
  ordersLast365Days: number;
  ordersAllTime: number;
  netRevenueLast365Days: string;
  netRevenueAllTime: string;
  averageOrderValue: string | null;
  purchaseCycleDays: number | null;
  topCategories: { category: string; orderLines: number; quantity: number }[];
  openComplaints: number;
  shares: number;
  socialInteractions: number;
}

interface SummaryRow {
  customer_id: string;
  last_active_at: Date | null;
  last_login_at: Date | null;
  last_order_at: Date | null;
  shares: number | null;
  social_interactions: number | null;
  logins30: number;
  logins90: number;
  logins180: number;
  views30: number;
  views90: number;
  views180: number;
  depth30: number | null;
  depth_prev30: number | null;
  orders365: number;
  orders_all: number;
  revenue365: string;
  revenue_all: string;
  aov: string | null;
  cycle_days: number | null;
  top_categories: { category: string; orderLines: number; quantity: number }[] | null;
  open_complaints: number;
}

/**
 * The activity summary of many customers in ONE statement (the DataLoader batch): logins, page
 * views, browse depth and top categories are computed from customer_event itself, one range of
 * customer_event_timeline_idx per customer (windows count back from `now` by UTC calendar day);
 * money nets cancellations and refunds out.
 */
export async function loadActivitySummaries(manager: EntityManager, customerIds: readonly string[], now: Date): Promise<Map<string, ActivitySummary>> {
  const rows: SummaryRow[] = await manager.query(
    `WITH ids AS (SELECT unnest($1::uuid[]) AS customer_id),
     params AS (
       SELECT $2::timestamptz AS now, today,
         -- day > today - 180 AND day <= today as bounds on occurred_at, so the timeline index serves the range
         ((today - 179)::timestamp AT TIME ZONE 'UTC') AS from180, ((today + 1)::timestamp AT TIME ZONE 'UTC') AS until_today
       FROM (SELECT ($2::timestamptz AT TIME ZONE 'UTC')::date AS today) t),
     daily AS (
       SELECT ids.customer_id, w.*
       FROM ids CROSS JOIN params CROSS JOIN LATERAL (
         SELECT
           count(*) FILTER (WHERE type = 'LOGIN' AND day > today - 30)::int AS logins30,
           count(*) FILTER (WHERE type = 'LOGIN' AND day > today - 90)::int AS logins90,
           count(*) FILTER (WHERE type = 'LOGIN')::int AS logins180,
           count(*) FILTER (WHERE type = 'PAGE_VIEW' AND day > today - 30)::int AS views30,
           count(*) FILTER (WHERE type = 'PAGE_VIEW' AND day > today - 90)::int AS views90,
           count(*) FILTER (WHERE type = 'PAGE_VIEW')::int AS views180,
           (sum(depth) FILTER (WHERE day > today - 30)
             / nullif(count(*) FILTER (WHERE type = 'PAGE_VIEW' AND day > today - 30), 0))::float8 AS depth30,
           (sum(depth) FILTER (WHERE day <= today - 30 AND day > today - 60)
             / nullif(count(*) FILTER (WHERE type = 'PAGE_VIEW' AND day <= today - 30 AND day > today - 60), 0))::float8 AS depth_prev30
         FROM (SELECT e.type, (e.occurred_at AT TIME ZONE 'UTC')::date AS day,
                      CASE WHEN e.type = 'PAGE_VIEW' THEN (e.data->>'depth')::bigint END AS depth
               FROM customer_event e
               WHERE e.customer_id = ids.customer_id AND e.occurred_at >= from180 AND e.occurred_at < until_today
                 AND e.type IN ('LOGIN', 'PAGE_VIEW')) ev
       ) w),
     orders AS (
       SELECT o.customer_id,
         count(*) FILTER (WHERE placed_at > now - interval '365 days')::int AS orders365,
         count(*)::int AS orders_all,
         coalesce(sum(total) FILTER (WHERE placed_at > now - interval '365 days'), 0) AS gross365,
         sum(total) AS gross_all
       FROM customer_order o, params
       WHERE o.customer_id IN (SELECT customer_id FROM ids) AND placed_at <= now
       GROUP BY o.customer_id),
     reversals AS (
       SELECT r.customer_id,
         coalesce(sum(amount) FILTER (WHERE occurred_at > now - interval '365 days'), 0) AS taken365,
         sum(amount) AS taken_all
       FROM order_reversal r, params
       WHERE r.customer_id IN (SELECT customer_id FROM ids) AND occurred_at <= now
       GROUP BY r.customer_id),
     cycles AS (
       SELECT customer_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY gap_days) AS cycle_days
       FROM (SELECT customer_id, day - lag(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap_days
             FROM (SELECT DISTINCT customer_id, (placed_at AT TIME ZONE 'UTC')::date AS day
                   FROM customer_order WHERE customer_id IN (SELECT customer_id FROM ids)) order_days) gaps
       WHERE gap_days IS NOT NULL
       GROUP BY customer_id),
     categories AS (
       -- every ORDER_PLACED ever (an event is stored once per event_id), lines without a category left out
       SELECT ids.customer_id, top.top_categories
       FROM ids CROSS JOIN LATERAL (
         SELECT jsonb_agg(jsonb_build_object('category', category, 'orderLines', order_lines, 'quantity', quantity)
                          ORDER BY order_lines DESC, quantity DESC, category) AS top_categories
         FROM (SELECT line->>'category' AS category, count(*)::int AS order_lines, sum((line->>'quantity')::bigint)::bigint AS quantity
               FROM customer_event e CROSS JOIN LATERAL json_array_elements(e.data->'lines') AS line
               WHERE e.customer_id = ids.customer_id AND e.type = 'ORDER_PLACED' AND coalesce(line->>'category', '') <> ''
               GROUP BY line->>'category'
               ORDER BY order_lines DESC, quantity DESC, category
               LIMIT 5) ranked
       ) top),
     complaints AS (
       SELECT customer_id, count(*)::int AS open_complaints FROM customer_complaint
       WHERE customer_id IN (SELECT customer_id FROM ids) AND opened_at IS NOT NULL AND resolved_at IS NULL
       GROUP BY customer_id)
     SELECT ids.customer_id, a.last_active_at, a.last_login_at, a.last_order_at, a.shares, a.social_interactions,
       coalesce(logins30, 0) AS logins30, coalesce(logins90, 0) AS logins90, coalesce(logins180, 0) AS logins180,
       coalesce(views30, 0) AS views30, coalesce(views90, 0) AS views90, coalesce(views180, 0) AS views180,
       depth30, depth_prev30,
       coalesce(orders365, 0) AS orders365, coalesce(orders_all, 0) AS orders_all,
       trim_scale(coalesce(gross365, 0) - coalesce(taken365, 0))::text AS revenue365,
       trim_scale(coalesce(gross_all, 0) - coalesce(taken_all, 0))::text AS revenue_all,
       CASE WHEN orders_all > 0 THEN trim_scale(round((gross_all - coalesce(taken_all, 0)) / orders_all, 4))::text END AS aov,
       cycle_days, top_categories, coalesce(open_complaints, 0) AS open_complaints
     FROM ids
     LEFT JOIN customer_activity a USING (customer_id)
     LEFT JOIN daily USING (customer_id)
     LEFT JOIN orders USING (customer_id)
     LEFT JOIN reversals USING (customer_id)
     LEFT JOIN cycles USING (customer_id)
     LEFT JOIN categories USING (customer_id)
     LEFT JOIN complaints USING (customer_id)`,
    [customerIds, now],
  );
  return new Map(
    rows.map((r) => [
      r.customer_id,
      {
        lastActiveAt: r.last_active_at,
        lastLoginAt: r.last_login_at,
        lastOrderAt: r.last_order_at,
        logins: { last30Days: r.logins30, last90Days: r.logins90, last180Days: r.logins180 },
        pageViews: { last30Days: r.views30, last90Days: r.views90, last180Days: r.views180 },
        averageBrowseDepthLast30Days: r.depth30,
        averageBrowseDepthPrevious30Days: r.depth_prev30,
        ordersLast365Days: r.orders365,
        ordersAllTime: r.orders_all,
        netRevenueLast365Days: r.revenue365,
        netRevenueAllTime: r.revenue_all,
        averageOrderValue: r.aov,
        purchaseCycleDays: r.cycle_days,
        topCategories: r.top_categories ?? [],
        openComplaints: r.open_complaints,
        shares: r.shares ?? 0,
        socialInteractions: r.social_interactions ?? 0,
      },
    ]),
  );
}
