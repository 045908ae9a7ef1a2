/**
 * `npm start`: Rekindle on this machine. Finds or starts PostgreSQL, NATS (JetStream) and Redis,
 * migrates every subgraph's schema in the `rekindle` database, starts every subgraph of the
 * registry and then the gateway, loads the demo data (the UCI Online Retail history, seen from
 * REKINDLE_NOW=2011-12-10 unless REKINDLE_NOW says otherwise), and runs until Ctrl-C or until a
 * service dies; then it stops the services and whatever it started for them.
 */
import { existsSync } from 'node:fs';
import { defaultDataFile, formatSummary, importOnlineRetail } from '@rekindle/tools-import-online-retail';
import { runDemoLoyaltyJobs } from './demo-loyalty';
import { consumedProducers, registry } from '@rekindle/tools-registry';
import { GATEWAY_PORT, localSubgraphUrl, subgraphs } from '@rekindle/tools-supergraph';
import { assertAppEntriesExist } from './app-entry';
import { USUAL_URLS } from './dependency-context';
import { ensureDatabase } from './ensure-database';
import { isPortFree } from './local-ports';
import { describeExit, type ManagedProcess } from './managed-process';
import { resolveInfrastructure } from './resolve-infrastructure';
import { runCli } from './run-cli';
import { runMigrations } from './run-migrations';
import type { SharedServiceSettings } from './service-env';
import { loadStackConfig } from './stack-config';
import { startServices } from './start-services';
import { waitForConsumers } from './wait-for-consumers';
import { waitForProfileEvents } from './wait-for-profile-events';
import { STATE_DIR } from './workspace-paths';

const DATABASE = 'rekindle';
/** The day after the last Online Retail invoice: the demo sees the data as it stood then. */
const DEMO_NOW = '2011-12-10T00:00:00Z';

async function assertPortsFree(ports: { name: string; port: number }[]) {
  for (const { name, port } of ports) {
    if (!(await isPortFree(port))) throw new Error(`Port ${port} (${name}) is in use: is Rekindle already running?`);
  }
}

/**
 * Imports the Online Retail history through the gateway (a second start finds it all there
 * already), waits until the services reading profile's events have caught up, then runs loyalty's
 * month ends over the history.
 */
async function loadDemoData(natsUrl: string, print: (line: string) => void) {
  const file = defaultDataFile();
  if (!existsSync(file)) {
    print(`No demo data: ${file} is not there (it comes with the shared/ folder beside the repository).`);
    return;
  }
  print('Loading the demo data: the UCI Online Retail transactions (541,909 rows)...');
  const gatewayUrl = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
  const summary = await importOnlineRetail({ file, url: gatewayUrl }, { log: print });
  print(formatSummary(summary));
  if (!summary.ok) throw new Error('the demo data import failed (see above)');
  const profile = subgraphs.find((s) => s.name === 'profile') as (typeof subgraphs)[number];
  await waitForProfileEvents(`http://127.0.0.1:${profile.port}/metrics`, print);
  // One stream per producing service, named after it (DESIGN.md §3).
  for (const producer of consumedProducers(registry)) await waitForConsumers(natsUrl, producer.name.toUpperCase(), print);
  await runDemoLoyaltyJobs(gatewayUrl, print);
}

const firstExit = (processes: ManagedProcess[]) =>
  Promise.race(processes.map((process) => process.exited.then((exit) => `${process.name} ${describeExit(exit)}`)));

runCli(async ({ teardown, print, stopRequested }) => {
  const config = loadStackConfig();
  assertAppEntriesExist([
    ...subgraphs.flatMap((spec) => [
      { app: spec.name, script: 'main' as const },
      ...(spec.hasDatabase ? [{ app: spec.name, script: 'migrate' as const }] : []),
    ]),
    { app: 'gateway', script: 'main' },
  ]);
  await assertPortsFree([...subgraphs, { name: 'gateway', port: GATEWAY_PORT }]);

  const infrastructure = await resolveInfrastructure(
    { given: config.given, usual: USUAL_URLS, searchPath: config.searchPath, stateDir: STATE_DIR, teardown, report: print },
    'optional',
  );
  // A DATABASE_URL names the database to use; a server found or started here gets one of its own.
  const databaseUrl = config.given.databaseUrl ?? (await ensureDatabase(infrastructure.databaseUrl, DATABASE));
  const rekindleNow = config.rekindleNow ?? DEMO_NOW;
  print(`Services see the time as ${rekindleNow} (REKINDLE_NOW)`);

  const settings: SharedServiceSettings = {
    inheritedEnv: { ...config.inheritedEnv, REKINDLE_NOW: rekindleNow },
    infrastructure: { ...infrastructure, databaseUrl },
    logLevel: config.logLevel,
  };
  await runMigrations(subgraphs, settings, teardown, print);
  const services = await startServices({ subgraphs, gatewayPort: GATEWAY_PORT, settings, teardown, print });

  await loadDemoData(infrastructure.natsUrl, print);

  print(`Rekindle is up: http://localhost:${GATEWAY_PORT}/graphql (GraphiQL in a browser)`);
  for (const spec of subgraphs) print(`  ${spec.name}: ${localSubgraphUrl(spec)}`);
  print('Ctrl-C stops it.');

  const death = await Promise.race([firstExit(services), stopRequested.then(() => undefined)]);
  if (death === undefined) return 0;
  print(`${death}: stopping Rekindle`);
  return 1;
});
