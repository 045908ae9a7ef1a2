import { join } from 'node:path';
import { findExecutable } from './find-executable';
import { findRunning } from './find-running';
import { findFreePort } from './local-ports';
import { startNatsServer } from './nats-server';
import { probeNats } from './probe-nats';
import type { DependencyContext } from './dependency-context';

/** NATS_URL, else 127.0.0.1:4222 with JetStream, else nats-server from PATH; there is no running without it. */
export async function resolveNats(context: DependencyContext): Promise<string> {
  const found = await findRunning({
    label: 'NATS',
    variable: 'NATS_URL',
    given: context.given.natsUrl,
    usual: context.usual.natsUrl,
    probe: (url) => probeNats(url),
    report: context.report,
  });
  if (found.url !== undefined) return found.url;

  const executable = findExecutable('nats-server', context.searchPath);
  if (executable === undefined) {
    throw new Error(
      `NATS: no NATS with JetStream to use (${found.whyNotUsual}) and nats-server is not on PATH. ` +
        'Install it (Debian/Ubuntu: apt-get install nats-server; elsewhere: https://docs.nats.io/running-a-nats-service/introduction/installation) ' +
        'or set NATS_URL to a NATS server with JetStream enabled.',
    );
  }
  const port = await findFreePort();
  const storeDir = join(context.stateDir, 'nats');
  const server = await startNatsServer(executable, port, storeDir);
  context.teardown.add('nats-server', () => server.stop(10_000));
  context.report(`NATS: started nats-server on port ${port} with JetStream, store in ${storeDir} (${found.whyNotUsual})`);
  return `nats://127.0.0.1:${port}`;
}
