/**
 * `Experiment.results` for an experiment with 1,000,000 exposures (issue 5: under 1 second, aggregated in SQL).
 *   npx tsx tools/bench/src/experiment-results.ts
 *   RESULTS_EXPOSURES=200000 RESULTS_RUNS=5 EXPLAIN=1 npx tsx tools/bench/src/experiment-results.ts
 *
 * Migrates a throwaway schema (bench_exp_<id>), creates and starts a real experiment through the
 * app's use cases (three variants 34/33/33; primary BINOMIAL on ORDER_PLACED, guardrails REVENUE on
 * ORDER_PLACED, COUNT on LOGIN, BINOMIAL on ANY_ACTIVITY), then fills it with set-based SQL
 * (generate_series): RESULTS_EXPOSURES exposures split by the weights, and conversion rows as the
 * consumer would have counted them (about 8-10 % ordering, with 1-3 orders of 5-200 each, 30 % with
 * logins, 40 % active), and VACUUM ANALYZE (what autovacuum does after a bulk load).
 * Then times the real ExperimentResultsUseCase.compute (the one SQL aggregate, then experiment-core)
 * RESULTS_RUNS times, with the SQL alone beside it, and prints the figures with the load average.
 * EXPLAIN=1 adds EXPLAIN (ANALYZE, BUFFERS) of the aggregate. The schema is dropped at the end (KEEP=1 keeps it).
 */
import { readFileSync } from 'node:fs';
import { createCache } from '@rekindle/platform-cache';
import { createClock } from '@rekindle/platform-config';
import { dropSchema, openDatabase, runMigrations, type DataSource } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';
import { metricsOf } from '../../../apps/experiment/src/data/experiment.model';
import { ExperimentRepository } from '../../../apps/experiment/src/data/experiment.repository';
import { experimentMigrations } from '../../../apps/experiment/src/data/migrations';
import { loadResultTotals, RESULT_TOTALS_SQL } from '../../../apps/experiment/src/data/results.query';
import { ChangeExperimentStatusUseCase } from '../../../apps/experiment/src/use-cases/change-experiment-status.use-case';
import { CreateExperimentUseCase } from '../../../apps/experiment/src/use-cases/create-experiment.use-case';
import { ExperimentResultsUseCase } from '../../../apps/experiment/src/use-cases/experiment-results.use-case';

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const flag = (name: string) => ['1', 'true'].includes(process.env[name] ?? '');
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EXPOSURES = positive('RESULTS_EXPOSURES', 1_000_000);
const RUNS = positive('RESULTS_RUNS', 5);
const TARGET_MS = 1_000;
const schema = `bench_exp_${Date.now().toString(36)}`;

const load = () => `load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
const fmt = (n: number) => n.toLocaleString('en-GB');
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

interface FillContext {
  experimentId: string;
  startedAt: string;
}

/** The fill, one statement at a time ($1 the experiment id, $2 the exposures, $3 the start). Shares 34/33/33; sms and push convert a little better. */
const FILL: [string, string, (c: FillContext) => unknown[]][] = [
  ['session settings', `SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'; SELECT setseed(0.4242)`, () => []],
  [
    'exposure (34/33/33)',
    `INSERT INTO exposure (experiment_id, customer_id, variant, exposed_at)
     SELECT $1::uuid, gen_random_uuid(), CASE WHEN r < 0.34 THEN 'email' WHEN r < 0.67 THEN 'sms' ELSE 'push' END,
       $3::timestamptz + make_interval(secs => i % 86400)
     FROM (SELECT i, random() AS r FROM generate_series(1, $2::int) i) s`,
    (c) => [c.experimentId, EXPOSURES, c.startedAt],
  ],
  [
    'conversion: ORDER_PLACED (1-3 orders of 5-200 each)',
    `INSERT INTO conversion (experiment_id, customer_id, event, variant, events, amount, first_at, last_at)
     SELECT experiment_id, customer_id, 'ORDER_PLACED', variant, n, round((n * (5 + random() * 195))::numeric, 2),
       exposed_at + interval '1 hour', exposed_at + interval '3 days'
     FROM (SELECT *, 1 + floor(random() * 3)::int AS n FROM exposure WHERE experiment_id = $1::uuid) e
     WHERE random() < CASE variant WHEN 'email' THEN 0.08 WHEN 'sms' THEN 0.09 ELSE 0.10 END`,
    (c) => [c.experimentId],
  ],
  [
    'conversion: LOGIN (30 %)',
    `INSERT INTO conversion (experiment_id, customer_id, event, variant, events, amount, first_at, last_at)
     SELECT experiment_id, customer_id, 'LOGIN', variant, 1 + floor(random() * 10)::int, 0, exposed_at + interval '2 hours', exposed_at + interval '5 days'
     FROM exposure WHERE experiment_id = $1::uuid AND random() < 0.3`,
    (c) => [c.experimentId],
  ],
  [
    'conversion: ANY_ACTIVITY (everyone who ordered or logged in, plus some)',
    `INSERT INTO conversion (experiment_id, customer_id, event, variant, events, amount, first_at, last_at)
     SELECT e.experiment_id, e.customer_id, 'ANY_ACTIVITY', e.variant, 1, 0, e.exposed_at + interval '1 hour', e.exposed_at + interval '1 hour'
     FROM exposure e
     WHERE e.experiment_id = $1::uuid
       AND (random() < 0.1 OR EXISTS (SELECT 1 FROM conversion c WHERE c.experiment_id = e.experiment_id AND c.customer_id = e.customer_id))`,
    (c) => [c.experimentId],
  ],
  ['VACUUM ANALYZE', 'VACUUM ANALYZE', () => []],
];

async function main(): Promise<void> {
  console.log(`experiment results: ${fmt(EXPOSURES)} exposures, ${RUNS} timed runs, schema ${schema}  (${load()})`);
  const logger = createLogger({ service: 'bench-experiment-results', level: 'warn' });
  const dataSource: DataSource = await openDatabase({ url: DATABASE_URL, schema, migrations: experimentMigrations, poolSize: 2 });
  try {
    await runMigrations(dataSource);
    const clock = createClock();
    const experiments = new ExperimentRepository();
    const { experiment: draft } = await new CreateExperimentUseCase({ dataSource, experiments }).execute({
      key: 'bench-results',
      name: 'Channel for six-month-dormant customers',
      hypothesis: 'SMS or push brings more dormant customers back than email.',
      variants: [
        { key: 'email', weight: 0.34 },
        { key: 'sms', weight: 0.33 },
        { key: 'push', weight: 0.33 },
      ],
      primaryMetric: { key: 'ordered', kind: 'BINOMIAL', event: 'ORDER_PLACED' },
      guardrailMetrics: [
        { key: 'revenue', kind: 'REVENUE', event: 'ORDER_PLACED' },
        { key: 'logins', kind: 'COUNT', event: 'LOGIN' },
        { key: 'reactivated', kind: 'BINOMIAL', event: 'ANY_ACTIVITY' },
      ],
      conversionWindow: { value: 14, unit: 'DAYS' },
    });
    const { experiment } = await new ChangeExperimentStatusUseCase({ dataSource, experiments, clock, onEventsCommitted: () => undefined }).start(draft.key);

    console.log('\nfill (set-based SQL):');
    const fillStarted = process.hrtime.bigint();
    const context: FillContext = { experimentId: experiment.id, startedAt: (experiment.startedAt as Date).toISOString() };
    for (const [label, sql, params] of FILL) {
      const started = process.hrtime.bigint();
      await dataSource.query(sql, params(context));
      console.log(`  ${label.padEnd(70)} ${(ms(started) / 1000).toFixed(1)} s`);
    }
    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*) FROM exposure)::int AS exposures, (SELECT count(*) FROM conversion)::int AS conversions,
              pg_size_pretty(pg_total_relation_size('exposure')) AS exposure_size, pg_size_pretty(pg_total_relation_size('conversion')) AS conversion_size`,
    );
    console.log(
      `  ${fmt(counts.exposures)} exposures (${counts.exposure_size}), ${fmt(counts.conversions)} conversion rows (${counts.conversion_size}) in ${(ms(fillStarted) / 1000).toFixed(1)} s`,
    );

    const results = new ExperimentResultsUseCase({ dataSource, cache: createCache({ keyPrefix: 'bench:', logger }), cacheSeconds: 0, clock });
    const metrics = metricsOf(experiment);
    console.log(`\nExperiment.results (ExperimentResultsUseCase.compute: the aggregate, then experiment-core), ${RUNS} runs:`);
    const totals: number[] = [];
    const sqlOnly: number[] = [];
    let last: Awaited<ReturnType<typeof results.compute>> | undefined;
    for (let run = 0; run < RUNS; run++) {
      const started = process.hrtime.bigint();
      last = await results.compute(experiment);
      totals.push(ms(started));
      const sqlStarted = process.hrtime.bigint();
      await loadResultTotals(dataSource.manager, experiment.id, metrics);
      sqlOnly.push(ms(sqlStarted));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    console.log(`  results, ms per run: ${totals.map((t) => t.toFixed(0)).join(', ')}  (median ${median(totals).toFixed(0)} ms)  (${load()})`);
    console.log(`  the SQL aggregate alone, ms per run: ${sqlOnly.map((t) => t.toFixed(0)).join(', ')}  (median ${median(sqlOnly).toFixed(0)} ms)`);
    console.log(`  target < ${TARGET_MS} ms: ${median(totals) < TARGET_MS ? 'met' : 'NOT met'} (median)`);

    if (last) {
      console.log(`\nwhat it computed: ${fmt(last.totalExposed)} exposed, SRM p = ${last.srm.pValue.toPrecision(3)} (mismatch: ${last.srm.mismatch})`);
      for (const v of last.variants) {
        const ordered = v.metrics[0];
        const revenue = v.metrics[1];
        const lift = ordered?.comparison ? `lift ${(100 * ordered.comparison.lift).toFixed(1)} %, p ${ordered.comparison.pValue.toPrecision(3)}, P(beat) ${ordered.comparison.chanceToBeatControl.toFixed(3)}` : 'control';
        console.log(
          `  ${v.variant.padEnd(6)} exposed ${fmt(v.exposed)}, converted ${fmt(v.conversions ?? 0)} (${(100 * (v.conversionRate ?? 0)).toFixed(2)} %), revenue ${revenue?.total} (mean ${v.revenueMean?.toFixed(3)}), ${lift}`,
        );
      }
    }

    if (flag('EXPLAIN')) {
      const plan: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${RESULT_TOTALS_SQL}`, [
        experiment.id,
        [...new Set(metrics.map((m) => m.event))],
      ]);
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS):\n${plan.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
    }
  } finally {
    await dataSource.destroy();
    if (flag('KEEP')) console.log(`\nkept schema ${schema}`);
    else await dropSchema(DATABASE_URL, schema);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
