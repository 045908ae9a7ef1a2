import { startEmbeddedPostgres } from './embedded-postgres-server';
import { findRunning } from './find-running';
import { findFreePort } from './local-ports';
import { probePostgres } from './probe-postgres';
import type { DependencyContext } from './dependency-context';

/** DATABASE_URL, else 127.0.0.1:5432 as user postgres, else an embedded server of our own. */
export async function resolvePostgres(context: DependencyContext): Promise<string> {
  const found = await findRunning({
    label: 'PostgreSQL',
    variable: 'DATABASE_URL',
    given: context.given.databaseUrl,
    usual: context.usual.databaseUrl,
    probe: (url) => probePostgres(url),
    report: context.report,
  });
  if (found.url !== undefined) return found.url;

  const port = await findFreePort();
  const embedded = await startEmbeddedPostgres(context.stateDir, port);
  context.teardown.add('embedded PostgreSQL', () => embedded.server.stop(15_000));
  context.report(`PostgreSQL: started embedded server on port ${port}, data in ${embedded.dataDir} (${found.whyNotUsual})`);
  return embedded.url;
}
