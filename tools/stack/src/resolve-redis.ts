import { findExecutable } from './find-executable';
import { findRunning } from './find-running';
import { findFreePort } from './local-ports';
import { probeRedis } from './probe-redis';
import { startRedisServer } from './redis-server';
import type { DependencyContext } from './dependency-context';

/**
 * REDIS_URL, else 127.0.0.1:6379, else redis-server from PATH. Without any, undefined when Redis is
 * optional (services then cache in memory), an error when it is required.
 */
export function resolveRedis(context: DependencyContext, need: 'required'): Promise<string>;
export function resolveRedis(context: DependencyContext, need: 'required' | 'optional'): Promise<string | undefined>;
export async function resolveRedis(context: DependencyContext, need: 'required' | 'optional'): Promise<string | undefined> {
  const found = await findRunning({
    label: 'Redis',
    variable: 'REDIS_URL',
    given: context.given.redisUrl,
    usual: context.usual.redisUrl,
    probe: (url) => probeRedis(url),
    report: context.report,
  });
  if (found.url !== undefined) return found.url;

  const executable = findExecutable('redis-server', context.searchPath);
  if (executable === undefined) {
    const situation = `Redis: no Redis to use (${found.whyNotUsual}) and redis-server is not on PATH`;
    if (need === 'required') {
      throw new Error(`${situation}; the tests need one. Install it (Debian/Ubuntu: apt-get install redis-server) or set REDIS_URL.`);
    }
    context.report(`${situation}: running without Redis (services cache in memory)`);
    return undefined;
  }
  const port = await findFreePort();
  const server = await startRedisServer(executable, port);
  context.teardown.add('redis-server', () => server.stop(10_000));
  context.report(`Redis: started redis-server on port ${port} (${found.whyNotUsual})`);
  return `redis://127.0.0.1:${port}`;
}
