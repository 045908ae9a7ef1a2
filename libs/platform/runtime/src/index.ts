/**
 * Service runtime: `openServiceRuntime(name, config, { logger, migrations })` opens what every
 * subgraph stands on (DataSource in its schema, bus and stream, cache, outbox relay, clock) and
 * hands back the readiness checks and close hooks its server needs, so each app's wiring holds
 * only what is its own. `startSingletonJob` runs a service's periodic job (RFM, month ends,
 * pruning) every interval on exactly one replica, and on demand (`runNow`); time is injectable
 * (`timers`). `runMigrate` is the body of every app's migrate.ts, as subgraph-server's
 * `runService` is of main.ts.
 */
export { openServiceRuntime, type ServiceRuntime, type RuntimeConfig } from './open-service-runtime';
export { startSingletonJob, type SingletonJob, type SingletonJobOptions } from './singleton-job';
export { type Timers } from './schedule';
export { runMigrate } from './run-migrate';
