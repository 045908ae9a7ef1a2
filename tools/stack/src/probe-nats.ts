import { connect, type NatsConnection } from 'nats';
import { describeError } from './describe-error';
import { unusable, usable, type ProbeResult } from './probe-result';

/** Connects and asks for the JetStream account info: a NATS without JetStream is not usable. */
export async function probeNats(url: string, timeoutMs = 2000): Promise<ProbeResult> {
  let connection: NatsConnection;
  try {
    connection = await connect({ servers: url.split(','), timeout: timeoutMs, reconnect: false });
  } catch (error) {
    return unusable(describeError(error));
  }
  try {
    const manager = await connection.jetstreamManager({ timeout: timeoutMs });
    await manager.getAccountInfo();
    return usable;
  } catch (error) {
    return unusable(`it answers, but without JetStream (${describeError(error)})`);
  } finally {
    await connection.close();
  }
}
