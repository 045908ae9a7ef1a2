/**
 * Event ingestion through the gateway, and beside it the ceiling: raw inserts of the same rows.
 *   npx tsx tools/bench/src/ingest-through-gateway.ts
 *   EVENTS=200000 CONCURRENCY=2 npx tsx tools/bench/src/ingest-through-gateway.ts
 *
 * Builds profile and gateway, migrates a throwaway schema (bench_ingest_<id>, bus prefix the same),
 * starts both as `node dist/apps/<app>/main.js` with the image's NODE_ENV and NODE_OPTIONS (profile with REKINDLE_NOW=BENCH_NOW and
 * PROFILE_JOBS_INTERVAL_MINUTES=0), pre-generates every request body (tools/bench/src/event-mix.ts:
 * EVENTS events over CUSTOMERS customers, BATCH_SIZE a call), then sends `recordEvents` through the
 * gateway with CONCURRENCY calls in flight. Prints: events, wall time, the sustained rate (calls
 * finishing in the first WARMUP_SECONDS left out), p50/p95/p99/max call latency, accepted /
 * duplicates / rejected (all must be accepted), what was left to fold, publish and relay when the last
 * call returned and when all of it was done (waiting up to DRAIN_SECONDS), the end-to-end rate, the CPU split per process (from /proc) with a `top` frame taken
 * mid-run, and what PostgreSQL's backends serving profile were waiting on (pg_stat_activity,
 * sampled every 250 ms).
 *
 * Then, with the apps stopped, the ceiling (CEILING=0 skips it): the same rows into the same table
 * (customer_event of a freshly migrated schema) as (1) the app's own append alone
 * (EventLogRepository.append, one statement per BATCH_SIZE rows),
 * (2) one multi-row INSERT ... SELECT FROM unnest(...) per 10,000 rows (pg-copy-streams is not
 * installed, so node cannot speak COPY), and (3) a real `COPY ... FROM STDIN` through psql, when
 * psql is on PATH. Schemas and streams are dropped at the end (KEEP=1 keeps them).
 * CPU_PROF=1 runs both apps under `node --cpu-prof` into tools/bench/out/ (summarise a profile with
 * `npx tsx tools/bench/src/cpu-profile-summary.ts <file>`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { openDatabase, type DataSource } from '@rekindle/platform-database';
import { EventLogRepository, type StoredEvent } from '../../../apps/profile/src/data/event-log.repository';
import { benchConfig } from './bench-config';
import {
  backendPidsOf,
  buildApp,
  CpuSplit,
  deleteStreams,
  dropSchema,
  freePort,
  imageNodeEnv,
  load,
  mib,
  migrate,
  natsServerPid,
  percentile,
  postgresPids,
  postgresSettings,
  residentMiB,
  printCpuSplit,
  root,
  startNode,
  stopNode,
  topSnapshot,
  waitReady,
} from './bench-harness';
import { eventMix, type MixOptions } from './event-mix';

const config = benchConfig();
const id = Date.now().toString(36);
const schema = `bench_ingest_${id}`;
const ceilingSchema = `bench_ceiling_${id}`;
const pgPort = Number(new URL(config.DATABASE_URL).port || 5432);
const natsPort = Number(new URL(config.NATS_URL.split(',')[0] as string).port || 4222);
const mixOptions: MixOptions = {
  seed: 20_250_601,
  events: config.EVENTS,
  customers: config.CUSTOMERS,
  now: new Date(config.BENCH_NOW),
  spanDays: config.SPAN_DAYS,
  ...(config.DISJOINT ? { partitions: config.CONCURRENCY, batchSize: config.BATCH_SIZE } : {}),
};
const PROFILE_TUNING = ['INGEST_FOLD_BATCH', 'INGEST_FOLD_GATHER_MS', 'INGEST_PUBLISH_BATCH', 'CUSTOMER_ID_CACHE_SIZE', 'DB_POOL_SIZE'];

const imageEnv = imageNodeEnv();
const commonEnv = {
  PATH: process.env['PATH'] ?? '',
  DATABASE_URL: config.DATABASE_URL,
  NATS_URL: config.NATS_URL,
  REDIS_URL: config.REDIS_URL,
  DB_SCHEMA: schema,
  BUS_PREFIX: schema,
  LOG_LEVEL: 'warn',
  ...imageEnv,
  // read by tools/bench/src/preload/pg-options.cjs when it is preloaded (PROFILE_NODE_ARGS)
  ...(process.env['BENCH_PG_OPTIONS'] ? { BENCH_PG_OPTIONS: process.env['BENCH_PG_OPTIONS'] } : {}),
};

const RECORD_EVENTS = `mutation Record($input: RecordEventsInput!) {
  recordEvents(input: $input) { accepted duplicates customersCreated rejected { index code field message } }
}`;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Every request body, generated before any process starts so the generator is not what is measured. */
function generateBodies(): { bodies: Buffer[]; bytes: number; seconds: number } {
  const started = performance.now();
  const bodies: Buffer[] = [];
  let batch: Record<string, unknown>[] = [];
  let bytes = 0;
  const flush = () => {
    const body = Buffer.from(JSON.stringify({ query: RECORD_EVENTS, variables: { input: { events: batch } } }));
    bodies.push(body);
    bytes += body.length;
    batch = [];
  };
  for (const event of eventMix(mixOptions)) {
    batch.push(event.input);
    if (batch.length === config.BATCH_SIZE) flush();
  }
  if (batch.length > 0) flush();
  return { bodies, bytes, seconds: (performance.now() - started) / 1000 };
}

interface CallResult {
  events: number;
  startedMs: number;
  endedMs: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  customersCreated: number;
  error?: string;
}

function post(agent: Agent, port: number, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** pg_stat_activity of the backends serving profile, sampled: where PostgreSQL's time goes. */
class WaitSampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private timer: NodeJS.Timeout | undefined;
  private client: Client | undefined;
  backends: number[] = [];

  async start(profilePids: number[]) {
    this.backends = (await Promise.all(profilePids.map((pid) => backendPidsOf(config.DATABASE_URL, pid)))).flat();
    this.client = new Client({ connectionString: config.DATABASE_URL });
    await this.client.connect();
    let busy = false;
    this.timer = setInterval(() => {
      if (busy || !this.client) return;
      busy = true;
      this.client
        .query(`SELECT state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS q FROM pg_stat_activity WHERE pid = ANY($1::int[])`, [this.backends])
        .then((r) => {
          this.samples += 1;
          for (const row of r.rows) {
            const what =
              row.state === 'active'
                ? `active  ${row.wait_event_type ? `${row.wait_event_type}:${row.wait_event}` : 'on CPU'}`.padEnd(34) + `  ${row.q}`
                : `${row.state}${row.wait_event_type === 'Client' ? '' : ` ${row.wait_event_type}:${row.wait_event}`}`;
            this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
          }
        })
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, 250);
  }

  async stop() {
    clearInterval(this.timer);
    await this.client?.end();
  }

  print() {
    console.log(`PostgreSQL backends serving profile: ${this.backends.length}; ${this.samples} samples of pg_stat_activity (backends per sample, by state):`);
    const rows = [...this.counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
    for (const [what, n] of rows) console.log(`  ${(n / Math.max(1, this.samples)).toFixed(2).padStart(5)}  ${what}`);
  }
}

async function sendAll(bodies: Buffer[], gatewayPort: number, onHalfway: () => void): Promise<CallResult[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: config.CONCURRENCY });
  const results: CallResult[] = [];
  const origin = performance.now();
  let next = 0;
  let lastReport = origin;
  let lastEvents = 0;
  let doneEvents = 0;
  let halfwaySignalled = false;

  const worker = async (w: number) => {
    let mine = w;
    for (;;) {
      // DISJOINT: worker w sends batches w, w + CONCURRENCY, ... (each from its own customers)
      const index = config.DISJOINT ? mine : next++;
      mine += config.CONCURRENCY;
      if (index >= bodies.length) return;
      const body = bodies[index] as Buffer;
      const events = Math.min(config.BATCH_SIZE, config.EVENTS - index * config.BATCH_SIZE);
      const startedMs = performance.now() - origin;
      const result: CallResult = { events, startedMs, endedMs: 0, accepted: 0, duplicates: 0, rejected: 0, customersCreated: 0 };
      try {
        const { status, text } = await post(agent, gatewayPort, body);
        const json = JSON.parse(text) as { data?: { recordEvents?: { accepted: number; duplicates: number; customersCreated: number; rejected: unknown[] } }; errors?: unknown[] };
        const payload = json.data?.recordEvents;
        if (status !== 200 || !payload || json.errors) result.error = `HTTP ${status}: ${text.slice(0, 300)}`;
        else {
          result.accepted = payload.accepted;
          result.duplicates = payload.duplicates;
          result.rejected = payload.rejected.length;
          result.customersCreated = payload.customersCreated;
        }
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
      }
      result.endedMs = performance.now() - origin;
      results.push(result);
      doneEvents += events;
      if (!halfwaySignalled && doneEvents >= config.EVENTS * 0.4) {
        halfwaySignalled = true;
        onHalfway();
      }
      const now = performance.now();
      if (now - lastReport >= 10_000) {
        const rate = ((doneEvents - lastEvents) / (now - lastReport)) * 1000;
        console.error(`  ${fmt(doneEvents)} / ${fmt(config.EVENTS)} events, ${fmt(rate)}/s over the last ${((now - lastReport) / 1000).toFixed(0)} s, ${load()}`);
        lastReport = now;
        lastEvents = doneEvents;
      }
    }
  };
  await Promise.all(Array.from({ length: config.CONCURRENCY }, (_, w) => worker(w)));
  agent.destroy();
  return results;
}

interface Backlog {
  fold: number;
  publish: number;
  outbox: number;
}

/** What the profile has still to do after accepting: events to fold, events to publish, outbox rows to relay. */
async function backlogOf(dataSource: DataSource): Promise<Backlog> {
  const { fold, publish } = await new EventLogRepository().backlog(dataSource.manager);
  const [{ outbox }] = await dataSource.query('SELECT count(*)::int AS outbox FROM outbox WHERE published_at IS NULL');
  return { fold, publish, outbox };
}

/** Polls until the profile has folded, published and relayed everything; resolves to how long that took. */
async function waitUntilProcessed(dataSource: DataSource, timeoutMs: number): Promise<{ seconds: number; left: Backlog }> {
  const started = performance.now();
  for (;;) {
    const left = await backlogOf(dataSource);
    const seconds = (performance.now() - started) / 1000;
    if ((left.fold === 0 && left.publish === 0 && left.outbox === 0) || seconds * 1000 > timeoutMs) return { seconds, left };
    await sleep(100);
  }
}

function reportIngestion(results: CallResult[]) {
  const ok = results.filter((r) => !r.error);
  const failed = results.filter((r) => r.error);
  const first = Math.min(...results.map((r) => r.startedMs));
  const last = Math.max(...results.map((r) => r.endedMs));
  const warmupEnd = first + config.WARMUP_SECONDS * 1000;
  const steady = ok.filter((r) => r.endedMs > warmupEnd);
  const steadyEvents = steady.reduce((s, r) => s + r.events, 0);
  const steadyStart = Math.max(warmupEnd, first);
  const sustained = steady.length > 0 && last > steadyStart ? fmt((steadyEvents / (last - steadyStart)) * 1000) : '(run shorter than the warm-up)';
  const latencies = ok.map((r) => r.endedMs - r.startedMs).sort((a, b) => a - b);
  const sum = (k: 'accepted' | 'duplicates' | 'rejected' | 'customersCreated') => results.reduce((s, r) => s + r[k], 0);
  const totalEvents = results.reduce((s, r) => s + r.events, 0);
  console.log('');
  console.log(`== recordEvents through the gateway (${load()})`);
  console.log(
    `events sent              ${fmt(totalEvents)} in ${fmt(results.length)} calls of ${fmt(config.BATCH_SIZE)}, ${config.CONCURRENCY} in flight, ${fmt(config.CUSTOMERS)} customers, over ${config.SPAN_DAYS} days`,
  );
  console.log(`wall time                ${((last - first) / 1000).toFixed(1)} s`);
  console.log(`overall rate             ${fmt((totalEvents / (last - first)) * 1000)} events/s`);
  console.log(`sustained rate           ${sustained} events/s (calls ending after the first ${config.WARMUP_SECONDS} s)`);
  console.log(
    `call latency             p50 ${fmt(percentile(latencies, 50))} ms  p95 ${fmt(percentile(latencies, 95))} ms  p99 ${fmt(percentile(latencies, 99))} ms  max ${fmt(latencies[latencies.length - 1] ?? 0)} ms`,
  );
  console.log(`accepted / duplicates / rejected   ${fmt(sum('accepted'))} / ${fmt(sum('duplicates'))} / ${fmt(sum('rejected'))}   customers created ${fmt(sum('customersCreated'))}`);
  if (failed.length > 0) console.log(`FAILED CALLS             ${failed.length}; first: ${failed[0]?.error}`);
  if (sum('accepted') !== totalEvents) console.log(`NOT ALL ACCEPTED: ${fmt(totalEvents - sum('accepted'))} events missing`);
  // the rate over time, in tenths of the run: shows whether it degrades as tables grow
  const tenth = (last - first) / 10;
  const buckets = Array.from({ length: 10 }, (_, i) => ok.filter((r) => r.endedMs > first + i * tenth && r.endedMs <= first + (i + 1) * tenth).reduce((s, r) => s + r.events, 0));
  console.log(`rate per tenth of run    ${buckets.map((b) => fmt((b / tenth) * 1000)).join(' ')} events/s`);
}

// ---------------------------------------------------------------------------------------------
// the ceiling

interface Columns {
  eventIds: string[];
  customerIds: string[];
  types: string[];
  occurredAts: string[];
  data: string[];
}

function ceilingRows(): Columns {
  const customerIds = Array.from({ length: config.CUSTOMERS }, () => randomUUID());
  const columns: Columns = { eventIds: [], customerIds: [], types: [], occurredAts: [], data: [] };
  for (const e of eventMix(mixOptions)) {
    columns.eventIds.push(e.eventId);
    columns.customerIds.push(customerIds[e.customerIndex] as string);
    columns.types.push(e.type);
    columns.occurredAts.push(e.occurredAt);
    columns.data.push(JSON.stringify(e.data));
  }
  return columns;
}

async function timed(client: Client, label: string, rows: number, work: () => Promise<void>) {
  await client.query('TRUNCATE customer_event');
  await client.query('CHECKPOINT').catch(() => undefined);
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const { rows: check } = await client.query('SELECT count(*)::int AS n FROM customer_event');
  console.log(`${label.padEnd(66)} ${fmt(rows / seconds).padStart(9)} rows/s  (${seconds.toFixed(1)} s, ${fmt(check[0].n)} rows, ${load()})`);
}

async function ceiling(columns: Columns) {
  const n = columns.eventIds.length;
  const client = new Client({ connectionString: config.DATABASE_URL, options: `-c search_path=${ceilingSchema}` });
  await client.connect();
  try {
    console.log('');
    console.log(`== the ceiling: the same ${fmt(n)} rows into customer_event of a fresh schema, apps stopped`);
    const dataSource = await openDatabase({ url: config.DATABASE_URL, schema: ceilingSchema, migrations: [], poolSize: 1 });
    try {
      const log = new EventLogRepository();
      const batches: StoredEvent[][] = [];
      for (let start = 0; start < n; start += config.BATCH_SIZE) {
        const batch: StoredEvent[] = [];
        for (let i = start; i < Math.min(n, start + config.BATCH_SIZE); i += 1) {
          batch.push({
            eventId: columns.eventIds[i],
            customerId: columns.customerIds[i],
            type: columns.types[i],
            occurredAt: columns.occurredAts[i],
            data: JSON.parse(columns.data[i] as string),
          } as StoredEvent);
        }
        batches.push(batch);
      }
      await timed(client, `the app's append (EventLogRepository.append: arrays and a JSON array, ON CONFLICT), ${fmt(config.BATCH_SIZE)}/statement`, n, async () => {
        for (const batch of batches) await log.append(dataSource.manager, batch, undefined);
      });
    } finally {
      await dataSource.destroy();
    }
    const chunk = 10_000;
    await timed(client, `multi-row INSERT ... SELECT FROM unnest, ${fmt(chunk)} rows/statement`, n, async () => {
      for (let start = 0; start < n; start += chunk) {
        const end = Math.min(n, start + chunk);
        await client.query(
          `INSERT INTO customer_event (event_id, customer_id, type, occurred_at, data)
           SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[], $5::jsonb[])`,
          [columns.eventIds.slice(start, end), columns.customerIds.slice(start, end), columns.types.slice(start, end), columns.occurredAts.slice(start, end), columns.data.slice(start, end)],
        );
      }
    });
    if (spawnSync('psql', ['--version']).status === 0) {
      const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
      const lines: string[] = [];
      for (let i = 0; i < n; i += 1) lines.push(`${columns.eventIds[i]},${columns.customerIds[i]},${columns.types[i]},${columns.occurredAts[i]},${csv(columns.data[i] as string)}\n`);
      const payload = Buffer.from(lines.join(''));
      await timed(client, `COPY customer_event (...) FROM STDIN (csv), through psql, one stream`, n, async () => {
        const child = spawn('psql', [config.DATABASE_URL, '-v', 'ON_ERROR_STOP=1', '-qc', 'COPY customer_event (event_id, customer_id, type, occurred_at, data) FROM STDIN WITH (FORMAT csv)'], {
          env: { ...process.env, PGOPTIONS: `-c search_path=${ceilingSchema}` },
          stdio: ['pipe', 'inherit', 'inherit'],
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        child.stdin.end(payload);
        const code = await exited;
        if (code !== 0) throw new Error(`psql COPY exited with ${code}`);
      });
    } else {
      console.log('(psql not on PATH: no real COPY figure)');
    }
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  console.log(`ingest-through-gateway: ${fmt(config.EVENTS)} events, batches of ${fmt(config.BATCH_SIZE)}, concurrency ${config.CONCURRENCY}, schema ${schema}; ${load()}`);
  if (config.DISJOINT) console.log('DISJOINT=1: concurrent calls never share a customer (an experiment, not a realistic feed)');
  console.log(`as the image runs them: ${Object.entries(imageEnv).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  console.log(await postgresSettings(config.DATABASE_URL));
  if (config.PROFILE_NODE_ARGS || config.GATEWAY_NODE_ARGS) console.log(`node flags: profile [${config.PROFILE_NODE_ARGS}] gateway [${config.GATEWAY_NODE_ARGS}]`);
  buildApp('profile');
  buildApp('gateway');
  migrate('profile', commonEnv);
  const generated = generateBodies();
  console.log(`generated ${fmt(generated.bodies.length)} request bodies, ${mib(generated.bytes).toFixed(0)} MiB, in ${generated.seconds.toFixed(1)} s`);

  const [profilePort, gatewayPort] = [await freePort(), await freePort()];
  const profDir = join(root, 'tools/bench/out', `cpu-${id}`);
  const profileArgs = config.PROFILE_NODE_ARGS.split(' ').filter(Boolean);
  const extraArgs = { profile: profileArgs, worker: profileArgs, gateway: config.GATEWAY_NODE_ARGS.split(' ').filter(Boolean) };
  const profArgs = (name: 'profile' | 'worker' | 'gateway') => [
    ...extraArgs[name],
    ...(config.CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${name}.cpuprofile`] : []),
  ];
  if (config.CPU_PROF) mkdirSync(profDir, { recursive: true });
  const children: ChildProcess[] = [];
  // The profile's own tuning variables pass through, for experiments.
  const tuning = Object.fromEntries(PROFILE_TUNING.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])));
  const profileEnv = { ...commonEnv, ...tuning, REKINDLE_NOW: config.BENCH_NOW, PROFILE_JOBS_INTERVAL_MINUTES: '0' };
  const profile = startNode(
    'dist/apps/profile/main.js',
    { ...profileEnv, PORT: String(profilePort), PROFILE_EVENT_WORKER: String(!config.WORKER_PROCESS) },
    profArgs('profile'),
  );
  children.push(profile);
  // The event worker: the same app with the folder and publisher on, serving no traffic.
  const workerPort = await freePort();
  const worker = config.WORKER_PROCESS
    ? startNode('dist/apps/profile/main.js', { ...profileEnv, PORT: String(workerPort), PROFILE_EVENT_WORKER: 'true' }, profArgs('worker'))
    : undefined;
  if (worker) children.push(worker);
  let cleanedUp = false;
  const cleanup = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    for (const child of children.reverse()) await stopNode(child);
    if (config.KEEP) {
      console.log(`kept schemas ${schema}, ${ceilingSchema} and streams of prefix ${schema}`);
      return;
    }
    await dropSchema(config.DATABASE_URL, schema);
    await dropSchema(config.DATABASE_URL, ceilingSchema);
    const streams = await deleteStreams(config.NATS_URL, schema);
    console.log(`cleaned up: dropped schemas ${schema}, ${ceilingSchema}; deleted streams ${streams.join(', ') || '(none)'}`);
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    await waitReady(profilePort, profile);
    if (worker) await waitReady(workerPort, worker);
    const gateway = startNode('dist/apps/gateway/main.js', { ...commonEnv, PORT: String(gatewayPort), SUBGRAPH_URL_PROFILE: `http://127.0.0.1:${profilePort}/graphql` }, profArgs('gateway'));
    children.push(gateway);
    await waitReady(gatewayPort, gateway);
    console.log(`profile on ${profilePort} (pid ${profile.pid}), gateway on ${gatewayPort} (pid ${gateway.pid}); sending; ${load()}`);

    const sampler = new WaitSampler();
    let backends: number[] = [];
    const split = new CpuSplit(() => {
      const pg = postgresPids(pgPort);
      const mine = new Set(backends);
      return {
        'node profile': [profile.pid as number],
        ...(worker ? { 'node profile event worker': [worker.pid as number] } : {}),
        'node gateway': [gateway.pid as number],
        'postgres backends serving profile': pg.filter((pid) => mine.has(pid)),
        'postgres other (wal, checkpoint, others)': pg.filter((pid) => !mine.has(pid)),
        'nats-server': [natsServerPid(natsPort)].filter((pid): pid is number => pid !== undefined),
      };
    });
    const benchCpuBefore = process.cpuUsage();
    let top: Promise<string> | undefined;
    let splitStarted = false;
    const warmup = setTimeout(() => {
      void Promise.all([profile, worker].flatMap((p) => (p ? [backendPidsOf(config.DATABASE_URL, p.pid as number)] : []))).then(async (pids) => {
        backends = pids.flat();
        split.start();
        splitStarted = true;
        await sampler.start([profile, worker].flatMap((p) => (p ? [p.pid as number] : [])));
      });
    }, config.WARMUP_SECONDS * 1000);
    const results = await sendAll(generated.bodies, gatewayPort, () => (top = topSnapshot()));
    clearTimeout(warmup);
    const watcher = await openDatabase({ url: config.DATABASE_URL, schema, migrations: [], poolSize: 1 });
    const backlogAtEnd = await backlogOf(watcher);
    const processed = await waitUntilProcessed(watcher, config.DRAIN_SECONDS * 1000).finally(() => watcher.destroy());
    await sampler.stop();
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const cpu = splitStarted ? split.stop({ 'bench client (this process)': (benchCpu.user + benchCpu.system) / 1e6 }) : undefined;
    generated.bodies.length = 0;

    reportIngestion(results);
    const wall = (Math.max(...results.map((r) => r.endedMs)) - Math.min(...results.map((r) => r.startedMs))) / 1000;
    const accepted = results.reduce((n, r) => n + r.accepted, 0);
    console.log(
      `left when the last call returned   ${fmt(backlogAtEnd.fold)} events to fold, ${fmt(backlogAtEnd.publish)} to publish, ${fmt(backlogAtEnd.outbox)} outbox rows to relay`,
    );
    const { left } = processed;
    if (left.fold + left.publish + left.outbox > 0) {
      console.log(`NOT caught up ${config.DRAIN_SECONDS} s after the run: ${fmt(left.fold)} to fold, ${fmt(left.publish)} to publish, ${fmt(left.outbox)} to relay`);
    } else {
      const seconds = wall + processed.seconds;
      console.log(
        `all folded, published, relayed     ${processed.seconds.toFixed(1)} s after the last call; ${seconds.toFixed(1)} s from the first call: ` +
          `${fmt(accepted / seconds)} events/s end to end (${load()})`,
      );
    }
    if (cpu) {
      console.log('');
      printCpuSplit(cpu);
    }
    const peaks = Object.entries({ profile, worker, gateway }).flatMap(([name, child]) =>
      child ? [`${name} ${fmt(residentMiB(child.pid as number, 'VmHWM'))} MiB`] : [],
    );
    console.log(`peak RSS (VmHWM)   ${peaks.join(', ')}`);
    if (top) {
      console.log('');
      console.log('top, 40% into the run:');
      console.log(await top);
    }
    console.log('');
    sampler.print();

    for (const child of [...children].reverse()) await stopNode(child);
    if (config.CPU_PROF) console.log(`\nCPU profiles in ${profDir}`);

    if (config.CEILING) {
      migrate('profile', { ...commonEnv, DB_SCHEMA: ceilingSchema });
      await ceiling(ceilingRows());
    }
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
