/**
 * Service runtime: `openServiceRuntime(name, config, { logger, migrations })` opens what every
 * subgraph stands on (DataSource in its schema, bus and stream, cache, outbox relay, clock) and
 * hands back the readiness checks and close hooks its server needs, so each app's wiring holds
 * only what is its own. `startSchedule` runs a service's periodic jobs (RFM, month ends);
 * `runMigrate` is the body of every app's migrate.ts, as subgraph-server's `runService` is of main.ts.
 */
export { openServiceRuntime, type ServiceRuntime, type RuntimeConfig } from './open-service-runtime';
export { startSchedule, type Schedule } from './schedule';
export { runMigrate } from './run-migrate';
