/**
 * Idle resident memory of each built app (the figure the Kubernetes requests and limits come from).
 * Builds the bundles, starts profile then the gateway as `node dist/apps/<app>/main.js` in a
 * throwaway schema and bus prefix, waits until ready, lets them idle, and prints VmRSS. Drops the
 * schema and deletes the prefix's streams at the end.
 *   npx tsx tools/bench/src/idle-memory.ts
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchConfig } from './bench-config';
import { deleteStreams, load } from './bench-harness';

const root = join(__dirname, '../../..');
const config = benchConfig();
const suffix = Date.now().toString(36);
const commonEnv = {
  PATH: process.env['PATH'] ?? '',
  DATABASE_URL: config.DATABASE_URL,
  NATS_URL: config.NATS_URL,
  REDIS_URL: config.REDIS_URL,
  DB_SCHEMA: `bench_idle_${suffix}`,
  BUS_PREFIX: `bench_idle_${suffix}`,
  LOG_LEVEL: 'warn',
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

const rssMiB = (pid: number) => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
};

async function main() {
  build('profile');
  build('gateway');
  const migrate = spawnSync(process.execPath, ['dist/apps/profile/migrate.js'], { cwd: root, env: commonEnv, stdio: 'inherit' });
  if (migrate.status !== 0) throw new Error('profile migrations failed');
  const apps = [
    { name: 'profile', port: 14001, child: runNode('dist/apps/profile/main.js', { PORT: '14001' }) },
    { name: 'gateway', port: 14000, child: runNode('dist/apps/gateway/main.js', { PORT: '14000', SUBGRAPH_URL_PROFILE: 'http://127.0.0.1:14001/graphql' }) },
  ];
  try {
    for (const app of apps) await waitReady(app.port);
    console.log(`ready; idling ${config.IDLE_SECONDS}s`);
    await sleep(config.IDLE_SECONDS * 1000);
    console.log(`app        idle RSS (MiB)   (${load()})`);
    for (const app of apps) console.log(`${app.name.padEnd(10)} ${app.child.pid === undefined ? '?' : rssMiB(app.child.pid).toFixed(1)}`);
  } finally {
    for (const app of apps.reverse()) {
      const exited = new Promise((resolve) => app.child.once('exit', resolve));
      app.child.kill('SIGTERM');
      await exited;
    }
    const { Client } = await import('pg');
    const client = new Client({ connectionString: config.DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${commonEnv.DB_SCHEMA} CASCADE`);
    await client.end();
    await deleteStreams(config.NATS_URL, commonEnv.BUS_PREFIX);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
