import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from 'nats';

/**
 * Waits until every durable consumer of `stream` has handled everything in it (nothing pending,
 * nothing awaiting an ack), reporting progress: after the demo import the other services are still
 * reading profile's events, and month-end jobs must not run on half a history.
 */
export async function waitForConsumers(natsUrl: string, stream: string, print: (line: string) => void, timeoutMs = 15 * 60_000): Promise<void> {
  const connection = await connect({ servers: natsUrl.split(',') });
  try {
    const manager = await connection.jetstreamManager();
    const deadline = Date.now() + timeoutMs;
    let lastReport = 0;
    for (;;) {
      const consumers = await manager.consumers.list(stream).next();
      const behind = consumers
        .map((c) => ({ name: c.name, pending: c.num_pending + c.num_ack_pending }))
        .filter((c) => c.pending > 0);
      if (behind.length === 0) return;
      if (Date.now() > deadline) throw new Error(`consumers of ${stream} still behind after ${timeoutMs / 1000} s: ${JSON.stringify(behind)}`);
      if (Date.now() - lastReport > 5000) {
        print(`waiting for ${behind.map((c) => `${c.name} (${c.pending.toLocaleString('en')} messages to go)`).join(', ')}`);
        lastReport = Date.now();
      }
      await sleep(1000);
    }
  } finally {
    await connection.close();
  }
}
