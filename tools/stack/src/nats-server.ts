import { mkdir } from 'node:fs/promises';
import type { ManagedProcess } from './managed-process';
import { probeNats } from './probe-nats';
import { startServer } from './start-server';

/** Starts `nats-server` with JetStream on 127.0.0.1:<port>, storing streams in storeDir. */
export async function startNatsServer(executable: string, port: number, storeDir: string): Promise<ManagedProcess> {
  await mkdir(storeDir, { recursive: true });
  const url = `nats://127.0.0.1:${port}`;
  return startServer({
    name: 'nats-server',
    command: executable,
    args: ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)],
    isReady: async () => (await probeNats(url)).ok,
    timeoutMs: 20_000,
  });
}
