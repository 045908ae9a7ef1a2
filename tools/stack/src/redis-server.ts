import type { ManagedProcess } from './managed-process';
import { probeRedis } from './probe-redis';
import { startServer } from './start-server';

/** Starts `redis-server` on 127.0.0.1:<port>, keeping nothing on disk. */
export async function startRedisServer(executable: string, port: number): Promise<ManagedProcess> {
  const url = `redis://127.0.0.1:${port}`;
  return startServer({
    name: 'redis-server',
    command: executable,
    args: ['--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--port', String(port)],
    isReady: async () => (await probeRedis(url)).ok,
    timeoutMs: 20_000,
  });
}
