/**
 * Idle resident memory of each built app (the figure the Kubernetes requests and limits come from).
 * Builds the bundles, starts every subgraph of the registry and then the gateway as
 * `node dist/apps/<app>/main.js` (with the image's NODE_ENV and NODE_OPTIONS) in throwaway schemas
 * and one bus prefix, waits until ready, lets them idle, and prints VmRSS. Drops the schemas and
 * deletes the prefix's streams at the end.
 *   npx tsx tools/bench/src/idle-memory.ts
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { subgraphs } from '@rekindle/tools-supergraph';
import { benchConfig } from './bench-config';
import { deleteStreams, imageNodeEnv, load, residentMiB } from './bench-harness';

const root = join(__dirname, '../../..');
const config = benchConfig();
const suffix = Date.now().toString(36);
const commonEnv = {
  PATH: process.env['PATH'] ?? '',
  DATABASE_URL: config.DATABASE_URL,
  NATS_URL: config.NATS_URL,
  REDIS_URL: config.REDIS_URL,
  BUS_PREFIX: `bench_idle_${suffix}`,
  LOG_LEVEL: 'warn',
  ...imageNodeEnv(),
};

function build(app: string) {
  const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['tools/build/build-app.ts', app], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`build of ${app} failed`);
}

function runNode(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script], { cwd: root, env: { ...commonEnv, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}

async function waitReady(port: number) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`port ${port} never became ready`);
}


const schemaOf = (app: string) => `bench_idle_${suffix}_${app}`;
const benchPort = (port: number) => port + 10_000;

async function main() {
  for (const spec of subgraphs) build(spec.name);
  build('gateway');
  for (const spec of subgraphs.filter((s) => s.hasDatabase)) {
    const env = { ...commonEnv, DB_SCHEMA: schemaOf(spec.name) };
    const migrate = spawnSync(process.execPath, [`dist/apps/${spec.name}/migrate.js`], { cwd: root, env, stdio: 'inherit' });
    if (migrate.status !== 0) throw new Error(`${spec.name} migrations failed`);
  }
  const apps = [
    ...subgraphs.map((spec) => ({
      name: spec.name,
      port: benchPort(spec.port),
      child: runNode(`dist/apps/${spec.name}/main.js`, { PORT: String(benchPort(spec.port)), DB_SCHEMA: schemaOf(spec.name) }),
    })),
    {
      name: 'gateway',
      port: 14000,
      child: runNode('dist/apps/gateway/main.js', {
        PORT: '14000',
        ...Object.fromEntries(subgraphs.map((spec) => [`SUBGRAPH_URL_${spec.name.toUpperCase()}`, `http://127.0.0.1:${benchPort(spec.port)}/graphql`])),
      }),
    },
  ];
  try {
    for (const app of apps) await waitReady(app.port);
    console.log(`ready; idling ${config.IDLE_SECONDS}s`);
    await sleep(config.IDLE_SECONDS * 1000);
    console.log(`app          idle RSS (MiB)   (${load()})`);
    for (const app of apps) console.log(`${app.name.padEnd(12)} ${app.child.pid === undefined ? '?' : residentMiB(app.child.pid, 'VmRSS').toFixed(1)}`);
  } finally {
    for (const app of apps.reverse()) {
      const exited = new Promise((resolve) => app.child.once('exit', resolve));
      app.child.kill('SIGTERM');
      await exited;
    }
    const { Client } = await import('pg');
    const client = new Client({ connectionString: config.DATABASE_URL });
    await client.connect();
    for (const spec of subgraphs) await client.query(`DROP SCHEMA IF EXISTS ${schemaOf(spec.name)} CASCADE`);
    await client.end();
    await deleteStreams(config.NATS_URL, commonEnv.BUS_PREFIX);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
