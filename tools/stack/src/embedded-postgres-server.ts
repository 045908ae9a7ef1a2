import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManagedProcess } from './managed-process';
import { probePostgres } from './probe-postgres';
import { startServer } from './start-server';
import { WORKSPACE_ROOT } from './workspace-paths';

const HOST_SCRIPT = join(__dirname, 'embedded-postgres-host.ts');

export interface EmbeddedPostgres {
  /** postgres://postgres:<password>@127.0.0.1:<port>/postgres */
  url: string;
  dataDir: string;
  server: ManagedProcess;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts PostgreSQL from the embedded-postgres package on 127.0.0.1:<port>, with its data in
 * <stateDir>/postgres/data (kept between runs) and a password generated once, kept beside it.
 */
export async function startEmbeddedPostgres(stateDir: string, port: number): Promise<EmbeddedPostgres> {
  const dir = join(stateDir, 'postgres');
  // Mode 0755: as root, the server runs as the "postgres" user, which must reach its data directory.
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const passwordFile = join(dir, 'password');
  const dataDir = join(dir, 'data');
  if (existsSync(join(dataDir, 'PG_VERSION')) && !existsSync(passwordFile)) {
    throw new Error(`${passwordFile} is missing, so ${dataDir} cannot be opened: delete ${dir} to start afresh`);
  }
  const password = await readOrCreatePassword(passwordFile);
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const server = await startServer({
    name: 'embedded PostgreSQL',
    command: process.execPath,
    args: ['--import', 'tsx', HOST_SCRIPT, dataDir, passwordFile, String(port)],
    cwd: WORKSPACE_ROOT,
    isReady: async () => (await probePostgres(url)).ok,
    timeoutMs: 60_000,
  });
  return { url, dataDir, server };
}
