/**
 * Experiment preload (node --require): appends BENCH_PG_OPTIONS (e.g. "-c random_page_cost=1.1")
 * to the startup options of every PostgreSQL connection the process opens, as if the app's pool
 * passed them. Lets the ingestion benchmark measure a planner setting without editing the app:
 *   PROFILE_NODE_ARGS="--require ./tools/bench/src/preload/pg-options.cjs" BENCH_PG_OPTIONS="-c random_page_cost=1.1" \
 *     npx tsx tools/bench/src/ingest-through-gateway.ts
 */
const { Client } = require('pg');

const extra = process.env.BENCH_PG_OPTIONS ?? '';
const original = Client.prototype.getStartupConf;
Client.prototype.getStartupConf = function getStartupConf() {
  const conf = original.call(this);
  if (extra) conf.options = conf.options ? `${conf.options} ${extra}` : extra;
  return conf;
};
