import { createClient } from 'redis';
import { describeError } from './describe-error';
import { unusable, usable, type ProbeResult } from './probe-result';

/** Connects and sends PING. */
export async function probeRedis(url: string, timeoutMs = 2000): Promise<ProbeResult> {
  const client = createClient({ url, socket: { connectTimeout: timeoutMs, reconnectStrategy: false } });
  // connect() rejects with the same error; without a listener it would also be thrown as an event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return usable;
  } catch (error) {
    return unusable(describeError(error));
  } finally {
    if (client.isOpen) client.destroy();
  }
}
