/**
 * The population job (RFM rescore + lifecycle move by time) over a large profile schema.
 *   npx tsx tools/bench/src/population-jobs.ts
 *   POP_CUSTOMERS=10000 POP_EVENTS=500000 EXPLAIN=1 npx tsx tools/bench/src/population-jobs.ts
 *
 * Migrates a throwaway schema (bench_pop_<id>) and fills it with set-based SQL (generate_series):
 * POP_CUSTOMERS customers and about POP_EVENTS events, each customer quiet for 0-600 days
 * (skewed towards recent) after 5-730 days of history, with the benchmark's event mix; then derives
 * consistent customer_order, order_reversal and customer_activity rows from those events (last
 * login/order, reactivation after a 90-day gap, shares, social interactions), and a
 * customer_lifecycle row holding the stage each customer had when its last event arrived. ANALYZE.
 *
 * Then runs the real RecomputeProfilesUseCase in this process, wired as profile-service.ts wires
 * it (same repositories, same transaction, outbox events for every change; no relay), twice:
 * at BENCH_NOW (every customer scored for the first time, most stages moved by time) and one day
 * later (few changes). Prints rows per table, seconds per run with the split between the RFM
 * statement, the lifecycle statement and the rest (outbox), customers scored and changes.
 * EXPLAIN=1 adds EXPLAIN (ANALYZE, BUFFERS) of both statements in a third run, two days later.
 * The schema is dropped at the end (KEEP=1 keeps it).
 */
import { createCache } from '@rekindle/platform-cache';
import type { Clock } from '@rekindle/platform-config';
import { openDatabase, runMigrations, type DataSource } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';
import { DEFAULT_LIFECYCLE_THRESHOLDS, lifecycleStageSql } from '@rekindle/profile-core';
import { LifecycleJobRepository } from '../../../apps/profile/src/data/lifecycle-job.repository';
import { profileMigrations } from '../../../apps/profile/src/data/migrations';
import { RfmJobRepository } from '../../../apps/profile/src/data/rfm-job.repository';
import { RecomputeProfilesUseCase } from '../../../apps/profile/src/use-cases/recompute-profiles.use-case';
import { benchConfig } from './bench-config';
import { dropSchema, load, withPg } from './bench-harness';
import { installProbe } from './typeorm-probe';

const config = benchConfig();
const schema = `bench_pop_${Date.now().toString(36)}`;
const DAY_MS = 86_400_000;
const fmt = (n: number) => n.toLocaleString('en-GB');
const probe = installProbe();

/** The fill, one step at a time, each timed. $1::timestamptz = now, $2::int = customers, $3::int = events. */
const FILL: [string, string][] = [
  ['session settings', `SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'; SELECT setseed(0.4242)`],
  [
    'customers: quiet days, history span, number of events',
    `CREATE UNLOGGED TABLE bench_meta AS
     SELECT i, gen_random_uuid() AS id,
       floor(power(random(), 2.5) * 600)::int AS quiet_days,
       (5 + floor(random() * 725))::int AS span_days,
       (1 + floor(random() * (2.0 * $3::int / $2::int - 1)))::int AS n_events
     FROM generate_series(0, $2::int - 1) i`,
  ],
  [
    'customer',
    `INSERT INTO customer (id, external_id, email, name, region, city, signed_up_at, created_at, updated_at)
     SELECT id, 'cust-' || lpad(i::text, 7, '0'), 'cust' || i || '@example.com', 'Customer ' || i,
       (ARRAY['North', 'South', 'East', 'West'])[1 + i % 4], 'City ' || (i % 50), s.at, s.at, s.at
     FROM bench_meta, LATERAL (SELECT $1::timestamptz - make_interval(days => quiet_days + span_days, secs => random() * 30 * 86400) AS at) s`,
  ],
  [
    'events (staging): times and types',
    `CREATE UNLOGGED TABLE bench_ev AS
     SELECT m.i, m.id AS customer_id, k,
       -- k = 1 is the customer's last event, exactly quiet_days ago
       $1::timestamptz - make_interval(days => m.quiet_days) - make_interval(secs => CASE WHEN k = 1 THEN 0 ELSE random() * m.span_days * 86400 END) AS at,
       CASE WHEN r < 0.40 THEN 'PAGE_VIEW' WHEN r < 0.60 THEN 'LOGIN' WHEN r < 0.70 THEN 'SEARCH' WHEN r < 0.80 THEN 'ADD_TO_CART'
            WHEN r < 0.90 THEN 'ORDER_PLACED' WHEN r < 0.92 THEN 'ORDER_CANCELLED' WHEN r < 0.93 THEN 'ORDER_REFUNDED'
            WHEN r < 0.945 THEN 'COMPLAINT_OPENED' WHEN r < 0.955 THEN 'COMPLAINT_RESOLVED' WHEN r < 0.97 THEN 'REVIEW_SUBMITTED'
            WHEN r < 0.98 THEN 'CONTENT_SHARED' WHEN r < 0.995 THEN 'SOCIAL_INTERACTION' ELSE 'CUSTOM' END AS type,
       round((5 + random() * 200)::numeric, 2) AS total,
       round((1 + random() * 20)::numeric, 2) AS amount
     FROM bench_meta m, generate_series(1, m.n_events) k, LATERAL (SELECT random() + k * 0 AS r) x`,
  ],
  [
    'events (staging): the order a cancellation or refund reverses',
    `CREATE UNLOGGED TABLE bench_ev2 AS
     SELECT *, max(CASE WHEN type = 'ORDER_PLACED' THEN k END) OVER (PARTITION BY customer_id ORDER BY at ROWS UNBOUNDED PRECEDING) AS reversed_k,
       at - lag(at) OVER (PARTITION BY customer_id ORDER BY at) AS gap
     FROM bench_ev`,
  ],
  ['customer_event: drop indexes for the load', `ALTER TABLE customer_event DROP CONSTRAINT customer_event_pkey; DROP INDEX customer_event_timeline_idx`],
  [
    'customer_event',
    `INSERT INTO customer_event (event_id, customer_id, type, occurred_at, recorded_at, data)
     SELECT gen_random_uuid()::text, customer_id, type, at, at,
       CASE type
         WHEN 'PAGE_VIEW' THEN jsonb_build_object('path', '/c/' || (k % 12) || '/' || (k % 500), 'depth', k % 6)
         WHEN 'LOGIN' THEN jsonb_build_object('channel', CASE WHEN k % 2 = 0 THEN 'web' ELSE 'app' END)
         WHEN 'SEARCH' THEN jsonb_build_object('query', 'lamp ' || (k % 100))
         WHEN 'ADD_TO_CART' THEN jsonb_build_object('productId', 'p' || (k % 5000), 'quantity', 1 + k % 3)
         WHEN 'ORDER_PLACED' THEN jsonb_build_object('orderId', 'o' || i || '-' || k, 'currency', 'GBP', 'total', total::text,
           'lines', jsonb_build_array(jsonb_build_object('productId', 'p' || (k % 5000), 'category', 'home', 'quantity', 1, 'unitPrice', total::text)))
         WHEN 'ORDER_CANCELLED' THEN jsonb_build_object('orderId', 'o' || i || '-' || coalesce(reversed_k, 0), 'amount', amount::text)
         WHEN 'ORDER_REFUNDED' THEN jsonb_build_object('orderId', 'o' || i || '-' || coalesce(reversed_k, 0), 'amount', amount::text)
         WHEN 'COMPLAINT_OPENED' THEN jsonb_build_object('ticketId', 't' || i || '-' || k, 'topic', 'delivery')
         WHEN 'COMPLAINT_RESOLVED' THEN jsonb_build_object('ticketId', 't' || i || '-' || k, 'topic', 'delivery')
         WHEN 'REVIEW_SUBMITTED' THEN jsonb_build_object('productId', 'p' || (k % 5000), 'rating', 1 + k % 5)
         WHEN 'CONTENT_SHARED' THEN jsonb_build_object('channel', 'facebook')
         WHEN 'SOCIAL_INTERACTION' THEN jsonb_build_object('kind', 'like')
         ELSE jsonb_build_object('name', 'wishlist_added', 'properties', '{}'::jsonb)
       END
     FROM bench_ev2`,
  ],
  [
    'customer_event: rebuild indexes',
    `ALTER TABLE customer_event ADD PRIMARY KEY (event_id);
     CREATE INDEX customer_event_timeline_idx ON customer_event (customer_id, occurred_at DESC, event_id DESC)`,
  ],
  [
    'customer_order',
    `INSERT INTO customer_order (order_id, customer_id, placed_at, currency, total)
     SELECT 'o' || i || '-' || k, customer_id, at, 'GBP', total FROM bench_ev2 WHERE type = 'ORDER_PLACED'`,
  ],
  [
    'order_reversal',
    `INSERT INTO order_reversal (event_id, order_id, customer_id, kind, amount, occurred_at)
     SELECT 'r' || i || '-' || k, 'o' || i || '-' || coalesce(reversed_k, 0), customer_id,
       CASE type WHEN 'ORDER_CANCELLED' THEN 'CANCELLED' ELSE 'REFUNDED' END, amount, at
     FROM bench_ev2 WHERE type IN ('ORDER_CANCELLED', 'ORDER_REFUNDED')`,
  ],
  [
    'customer_activity',
    `INSERT INTO customer_activity (customer_id, first_active_at, last_active_at, last_login_at, last_order_at, reactivated_at, shares, social_interactions)
     SELECT customer_id, min(at), max(at), max(at) FILTER (WHERE type = 'LOGIN'), max(at) FILTER (WHERE type = 'ORDER_PLACED'),
       max(at) FILTER (WHERE gap >= interval '90 days'),
       count(*) FILTER (WHERE type = 'CONTENT_SHARED'), count(*) FILTER (WHERE type = 'SOCIAL_INTERACTION')
     FROM bench_ev2 GROUP BY customer_id`,
  ],
  [
    'customer_lifecycle (the stage each customer had when its last event arrived)',
    `INSERT INTO customer_lifecycle (customer_id, stage, since, previous_stage)
     SELECT c.id, ${lifecycleStageSql(
       {
         now: 'a.last_active_at',
         lastActivityAt: 'a.last_active_at',
         firstActivityAt: 'a.first_active_at',
         signedUpAt: 'c.signed_up_at',
         firstSeenAt: 'c.created_at',
         reactivatedAt: 'a.reactivated_at',
       },
       DEFAULT_LIFECYCLE_THRESHOLDS,
     )}, a.last_active_at, NULL
     FROM customer c JOIN customer_activity a ON a.customer_id = c.id`,
  ],
  ['drop staging', 'DROP TABLE bench_meta, bench_ev, bench_ev2'],
  ['ANALYZE', 'ANALYZE'],
];

async function fill() {
  console.log(`filling ${schema}: ${fmt(config.POP_CUSTOMERS)} customers, ~${fmt(config.POP_EVENTS)} events (${load()})`);
  const started = performance.now();
  await withPg(config.DATABASE_URL, async (client) => {
    await client.query(`SET search_path = "${schema}", public`);
    for (const [label, sql] of FILL) {
      const t = performance.now();
      // $1 now, $2 customers, $3 events, inlined: several statements in one text cannot take parameters
      await client.query(
        sql
          .replaceAll('$1::timestamptz', `'${config.BENCH_NOW}'::timestamptz`)
          .replaceAll('$2::int', `${config.POP_CUSTOMERS}::int`)
          .replaceAll('$3::int', `${config.POP_EVENTS}::int`),
      );
      console.log(`  ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s  ${label}`);
    }
    const { rows } = await client.query(`
      SELECT 'customer' AS t, count(*) FROM customer UNION ALL SELECT 'customer_event', count(*) FROM customer_event
      UNION ALL SELECT 'customer_order', count(*) FROM customer_order UNION ALL SELECT 'order_reversal', count(*) FROM order_reversal
      UNION ALL SELECT 'customer_activity', count(*) FROM customer_activity UNION ALL SELECT 'customer_lifecycle', count(*) FROM customer_lifecycle`);
    console.log(`filled in ${((performance.now() - started) / 1000).toFixed(1)} s: ${rows.map((r) => `${r.t} ${fmt(Number(r.count))}`).join(', ')}`);
    const stages = await client.query('SELECT stage, count(*)::int AS n FROM customer_lifecycle GROUP BY stage ORDER BY n DESC');
    console.log(`stages before the first run: ${stages.rows.map((r) => `${r.stage} ${fmt(r.n)}`).join(', ')}`);
  });
}

async function run(dataSource: DataSource, clock: { at: Date }, label: string) {
  const logger = createLogger({ service: 'bench', level: 'warn' });
  const rfm = new RfmJobRepository();
  const lifecycle = new LifecycleJobRepository();
  let rfmMs = 0;
  let lifecycleMs = 0;
  const timedRfm = Object.assign(Object.create(rfm) as RfmJobRepository, {
    rescore: async (...args: Parameters<RfmJobRepository['rescore']>) => {
      const t = performance.now();
      try {
        return await rfm.rescore(...args);
      } finally {
        rfmMs += performance.now() - t;
      }
    },
  });
  const timedLifecycle = Object.assign(Object.create(lifecycle) as LifecycleJobRepository, {
    moveByTime: async (...args: Parameters<LifecycleJobRepository['moveByTime']>) => {
      const t = performance.now();
      try {
        return await lifecycle.moveByTime(...args);
      } finally {
        lifecycleMs += performance.now() - t;
      }
    },
  });
  const useCase = new RecomputeProfilesUseCase({
    dataSource,
    rfm: timedRfm,
    lifecycle: timedLifecycle,
    clock: { now: () => new Date(clock.at) } satisfies Clock,
    thresholds: DEFAULT_LIFECYCLE_THRESHOLDS,
    rfmWindowDays: 365,
    cache: createCache({ keyPrefix: `${schema}:`, logger }),
    logger,
    onEventsCommitted: () => undefined,
    // The population is written already folded (summaries, orders, stages): the job alone is timed.
    foldPending: async () => undefined,
  });
  const started = performance.now();
  const result = await useCase.execute();
  const seconds = (performance.now() - started) / 1000;
  if (!result) throw new Error('the job lock was taken');
  console.log(
    `${label.padEnd(26)} ${seconds.toFixed(1).padStart(5)} s  (RFM statement ${(rfmMs / 1000).toFixed(1)} s, lifecycle statement ${(lifecycleMs / 1000).toFixed(1)} s, ` +
      `outbox and commit ${(seconds - (rfmMs + lifecycleMs) / 1000).toFixed(1)} s)  scored ${fmt(result.customersScored)}, RFM changed ${fmt(result.rfmChanged)}, ` +
      `lifecycle changed ${fmt(result.lifecycleChanged)}  [${load()}]`,
  );
  return seconds;
}

async function main() {
  await withPg(config.DATABASE_URL, (c) => c.query(`CREATE SCHEMA "${schema}"`));
  const dataSource = await openDatabase({ url: config.DATABASE_URL, schema, migrations: profileMigrations, poolSize: 2 });
  try {
    await runMigrations(dataSource);
    await fill();
    console.log('');
    console.log(`== population job over ${fmt(config.POP_CUSTOMERS)} customers, ${fmt(config.POP_EVENTS)} events (target under 30 s)`);
    const clock = { at: new Date(config.BENCH_NOW) };
    const first = await run(dataSource, clock, `run 1 at ${config.BENCH_NOW.slice(0, 10)}`);
    clock.at = new Date(clock.at.getTime() + DAY_MS);
    const second = await run(dataSource, clock, `run 2, a day later`);
    console.log(`runs: ${first.toFixed(1)} s and ${second.toFixed(1)} s`);
    await withPg(config.DATABASE_URL, async (c) => {
      const { rows } = await c.query(`SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('"${schema}".outbox')) AS size FROM "${schema}".outbox`);
      console.log(`outbox rows appended by the two runs: ${fmt(rows[0].n)} (${rows[0].size})`);
    });
    if (config.EXPLAIN) {
      clock.at = new Date(clock.at.getTime() + DAY_MS);
      probe.explaining = true;
      await run(dataSource, clock, 'run 3 (EXPLAIN ANALYZE)');
      probe.explaining = false;
      for (const plan of probe.explains) console.log(`\n${plan}`);
    }
  } finally {
    await dataSource.destroy();
    if (config.KEEP) console.log(`kept schema ${schema}`);
    else await dropSchema(config.DATABASE_URL, schema);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
