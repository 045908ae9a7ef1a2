/**
 * What the benchmarks share: building the bundles, starting `node dist/apps/<app>/main.js` and
 * waiting for /health/ready, stopping it, throwaway schemas and streams, the machine's load, and
 * CPU accounting per process read from /proc (so figures say who used the two cores).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { summariseDockerfile } from '../../deploy-checks/src/dockerfile';

export const root = join(__dirname, '../../..');

export function buildApp(app: string): void {
  const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['tools/build/build-app.ts', app], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`build of ${app} failed`);
}

/** Runs `node dist/apps/<app>/migrate.js` with the given environment; throws when it fails. */
export function migrate(app: string, env: Record<string, string>): void {
  const run = spawnSync(process.execPath, [`dist/apps/${app}/migrate.js`], { cwd: root, env, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`${app} migrations failed`);
}

export function startNode(script: string, env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, script], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function waitReady(port: number, child?: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process for port ${port} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`port ${port} never became ready`);
}

/** SIGTERM, then wait for the exit (SIGKILL after `timeoutMs`). */
export async function stopNode(child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function withPg<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL server's version and the settings that move these figures, for the report's header. */
export function postgresSettings(url: string): Promise<string> {
  return withPg(url, async (c) => {
    const { rows } = await c.query(
      `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
              current_setting('max_wal_size') AS max_wal_size, current_setting('synchronous_commit') AS synchronous_commit`,
    );
    const r = rows[0] as Record<string, string>;
    return `PostgreSQL ${r['version']}: shared_buffers ${r['shared_buffers']}, max_wal_size ${r['max_wal_size']}, synchronous_commit ${r['synchronous_commit']}`;
  });
}

export const dropSchema = (url: string, schema: string) => withPg(url, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

/** Deletes the JetStream streams of a bus prefix (`<PREFIX>_PROFILE`, ...). */
export async function deleteStreams(natsUrl: string, prefix: string): Promise<string[]> {
  const { connect } = await import('nats');
  const nc = await connect({ servers: natsUrl.split(',') });
  try {
    const jsm = await nc.jetstreamManager();
    const deleted: string[] = [];
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(`${prefix.toUpperCase()}_`)) {
        await jsm.streams.delete(stream.config.name);
        deleted.push(stream.config.name);
      }
    }
    return deleted;
  } finally {
    await nc.close();
  }
}

/** `load 1.23 0.98 0.50` from /proc/loadavg: the figure printed beside every result. */
export function load(): string {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  return `load ${one} ${five} ${fifteen}`;
}

/** NODE_ENV and NODE_OPTIONS as the image sets them (tools/docker/app.Dockerfile): the apps run here as deployed. */
export function imageNodeEnv(): Record<string, string> {
  const { runtimeEnv } = summariseDockerfile(readFileSync(join(root, 'tools/docker/app.Dockerfile'), 'utf8'));
  return Object.fromEntries(['NODE_ENV', 'NODE_OPTIONS'].flatMap((name) => (runtimeEnv[name] === undefined ? [] : [[name, runtimeEnv[name]]])));
}

export const mib = (bytes: number) => bytes / 1024 / 1024;

/**
 * A process's resident memory in MiB from /proc/<pid>/status: VmRSS now, or VmHWM, the most it has
 * held since it started. NaN once it is gone.
 */
export function residentMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm'));
    return line ? Number(line[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

// ---------------------------------------------------------------------------------------------
// CPU accounting from /proc

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU seconds (user + system) a process has used so far; 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] as string;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK };
}

const comm = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};
const ppid = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
};
const pids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);

/** The postmaster serving `port` and all its children (backends, walwriter, checkpointer, ...). */
export function postgresPids(port: number): number[] {
  const all = pids().filter((pid) => comm(pid) === 'postgres');
  const listening = new Set(listeningInodes(port));
  const postmaster = all.find((pid) => socketInodes(pid).some((inode) => listening.has(inode)));
  if (postmaster === undefined) return [];
  return all.filter((pid) => pid === postmaster || ppid(pid) === postmaster);
}

/** The nats-server process listening on `port`. */
export function natsServerPid(port: number): number | undefined {
  const listening = new Set(listeningInodes(port));
  return pids().find((pid) => comm(pid) === 'nats-server' && socketInodes(pid).some((inode) => listening.has(inode)));
}

function socketInodes(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        return m ? [m[1] as string] : [];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

interface TcpRow {
  localPort: number;
  remotePort: number;
  state: string;
  inode: string;
}
function tcpRows(): TcpRow[] {
  return ['/proc/net/tcp', '/proc/net/tcp6'].filter(existsSync).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => {
        const f = line.trim().split(/\s+/);
        return {
          localPort: parseInt((f[1] as string).split(':')[1] as string, 16),
          remotePort: parseInt((f[2] as string).split(':')[1] as string, 16),
          state: f[3] as string,
          inode: f[9] as string,
        };
      }),
  );
}
const listeningInodes = (port: number) => tcpRows().filter((r) => r.state === '0A' && r.localPort === port).map((r) => r.inode);

/** Local ports of `pid`'s TCP connections to `remotePort` (e.g. its pool's connections to PostgreSQL). */
export function clientPortsOf(pid: number, remotePort: number): number[] {
  const mine = new Set(socketInodes(pid));
  return tcpRows().filter((r) => r.remotePort === remotePort && mine.has(r.inode)).map((r) => r.localPort);
}

/** The PostgreSQL backend pids serving a process's pool, found by its connections' client ports. */
export async function backendPidsOf(url: string, pid: number): Promise<number[]> {
  const pgPort = Number(new URL(url).port || 5432);
  const ports = clientPortsOf(pid, pgPort);
  if (ports.length === 0) return [];
  return withPg(url, async (c) => (await c.query('SELECT pid FROM pg_stat_activity WHERE client_port = ANY($1::int[])', [ports])).rows.map((r) => r.pid as number));
}

/**
 * CPU used by named groups of processes between `start()` and `stop()`. A pid first seen at
 * `stop()` counts whole (it was born inside the window).
 */
export class CpuSplit {
  private before = new Map<number, number>();
  private machineBefore = machineCpu();
  private startedAt = 0;

  constructor(private readonly groups: () => Record<string, number[]>) {}

  start(): void {
    this.startedAt = performance.now();
    this.machineBefore = machineCpu();
    this.before = new Map(Object.values(this.groups()).flat().map((pid) => [pid, cpuSeconds(pid)]));
  }

  stop(extra: Record<string, number> = {}): { wallSeconds: number; rows: { name: string; cpuSeconds: number; cores: number }[] } {
    const wallSeconds = (performance.now() - this.startedAt) / 1000;
    const rows = Object.entries(this.groups()).map(([name, group]) => {
      const used = group.reduce((sum, pid) => sum + cpuSeconds(pid) - (this.before.get(pid) ?? 0), 0);
      return { name, cpuSeconds: used, cores: used / wallSeconds };
    });
    for (const [name, used] of Object.entries(extra)) rows.push({ name, cpuSeconds: used, cores: used / wallSeconds });
    const machine = machineCpu();
    const busy = machine.busy - this.machineBefore.busy;
    const accounted = rows.reduce((sum, r) => sum + r.cpuSeconds, 0);
    rows.push({ name: 'everything else on the machine', cpuSeconds: busy - accounted, cores: (busy - accounted) / wallSeconds });
    rows.push({ name: 'machine total busy', cpuSeconds: busy, cores: busy / wallSeconds });
    return { wallSeconds, rows };
  }
}

export function printCpuSplit(split: ReturnType<CpuSplit['stop']>): void {
  console.log(`CPU split over ${split.wallSeconds.toFixed(1)} s (2 cores = 2.00):`);
  for (const row of split.rows) console.log(`  ${row.name.padEnd(42)} ${row.cpuSeconds.toFixed(1).padStart(8)} cpu-s  ${row.cores.toFixed(2)} cores`);
}

/** A `top -b` frame (the second of two, one second apart, so %CPU is current), top lines only. */
export function topSnapshot(lines = 18): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('top', ['-b', '-n', '2', '-d', '1', '-w', '180'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', () => {
      const frames = out.split(/^top - /m).filter(Boolean);
      const last = frames[frames.length - 1] ?? '';
      resolve(`top - ${last}`.split('\n').slice(0, lines).join('\n'));
    });
    child.on('error', () => resolve('(top not available)'));
  });
}
