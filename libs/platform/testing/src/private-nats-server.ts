import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { testEnv } from './test-config';

/** A nats-server of one test's own, to crash and restart for outage tests. */
export interface PrivateNatsServer {
  url: string;
  /** The JetStream store directory, kept across stop() and start(). */
  storeDir: string;
  /** Kills the server (SIGKILL, like a crash); its JetStream store stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and store. */
  start(): Promise<void>;
  /** Kills it and removes its store. */
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

function findOnPath(binary: string): string {
  for (const dir of testEnv().PATH.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new Error(
    `${binary} was not found on PATH; outage tests need it (https://github.com/nats-io/nats-server/releases, or apt-get install nats-server)`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Server is ready')) return;
      settle();
      resolve();
    };
    const onExit = (code: number | null) => fail(`exited with ${code}`);
    const timer = setTimeout(() => fail(`not ready after ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    function settle() {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    }
    function fail(reason: string) {
      settle();
      child.kill('SIGKILL');
      reject(new Error(`nats-server did not start: ${reason}\n${output.slice(-2000)}`));
    }
    child.once('exit', onExit);
    child.stderr?.on('data', onData);
  });
}

/** Spawns `nats-server -js` on a free loopback port with a temporary store, and waits until it accepts clients. */
export async function startPrivateNatsServer(): Promise<PrivateNatsServer> {
  const binary = findOnPath('nats-server');
  const [port, storeDir] = await Promise.all([freePort(), mkdtemp(join(tmpdir(), 'rekindle-nats-'))]);
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  async function start(): Promise<void> {
    if (child) return;
    const spawned = spawn(binary, ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = spawned;
    try {
      await waitUntilReady(spawned);
    } catch (error) {
      child = undefined;
      throw error;
    }
    // nats-server keeps logging to stderr; keep reading so the pipe never fills.
    spawned.stderr?.resume();
  }

  async function stop(): Promise<void> {
    const running = child;
    if (!running) return;
    child = undefined;
    if (running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    storeDir,
    stop,
    start,
    async close() {
      await stop();
      process.removeListener('exit', killOnExit);
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}
