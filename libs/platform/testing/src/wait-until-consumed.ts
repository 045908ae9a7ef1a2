import type { Bus } from '@rekindle/platform-messaging';
import { streamsOf } from './test-bus';
import { waitFor } from './wait-for';

/** The durable consumers of the bus's streams that still have work: "name: n pending, m unacked". */
async function consumersBehind(bus: Bus): Promise<string[]> {
  const behind: string[] = [];
  for (const stream of await streamsOf(bus)) {
    for await (const consumer of bus.jsm.consumers.list(stream)) {
      const { num_pending: pending, num_ack_pending: unacked } = consumer;
      if (consumer.config.durable_name && pending + unacked > 0) behind.push(`${consumer.name}: ${pending} pending, ${unacked} unacked`);
    }
  }
  return behind;
}

/**
 * Waits until every durable consumer on the bus's streams (those of its prefix) has handled all
 * the stream holds for it: nothing pending, nothing awaiting an ack.
 */
export async function waitUntilConsumed(bus: Bus, timeoutMs = 15_000): Promise<void> {
  let behind: string[] = [];
  await waitFor(async () => (behind = await consumersBehind(bus)).length === 0, {
    timeoutMs,
    describe: () => `every consumer of ${bus.prefix}'s streams done (${behind.join('; ')})`,
  });
}
