import { mkdtemp, chmod, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USUAL_URLS, type DependencyContext, type UsualUrls } from './dependency-context';
import { findFreePort } from './local-ports';
import { loadStackConfig } from './stack-config';
import { Teardown } from './teardown';

/** The servers the tests run against: as npm test resolved them, else the usual local ports. */
export function realUrls(): UsualUrls {
  const { given } = loadStackConfig();
  return {
    databaseUrl: given.databaseUrl ?? USUAL_URLS.databaseUrl,
    natsUrl: given.natsUrl ?? USUAL_URLS.natsUrl,
    redisUrl: given.redisUrl ?? USUAL_URLS.redisUrl,
  };
}

/** URLs on ports where nothing listens. */
export async function deadUrls(): Promise<UsualUrls> {
  const [pg, nats, redis] = await Promise.all([findFreePort(), findFreePort(), findFreePort()]);
  return {
    databaseUrl: `postgres://postgres@127.0.0.1:${pg}/postgres`,
    natsUrl: `nats://127.0.0.1:${nats}`,
    redisUrl: `redis://127.0.0.1:${redis}`,
  };
}

/** A state directory of a test's own; readable by all, since as root PostgreSQL runs as "postgres". */
export async function createStateDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'rekindle-stack-'));
  await chmod(path, 0o755);
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A dependency context over the real PATH, collecting what is reported. */
export function testContext(stateDir: string, overrides: Partial<DependencyContext>): DependencyContext & { lines: string[] } {
  const lines: string[] = [];
  const report = (line: string) => lines.push(line);
  return {
    given: {},
    usual: realUrls(),
    searchPath: loadStackConfig().searchPath,
    stateDir,
    teardown: new Teardown(report),
    report,
    ...overrides,
    lines,
  };
}
