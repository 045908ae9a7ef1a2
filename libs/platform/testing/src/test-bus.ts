import type { CloudEvent } from '@rekindle/contracts';
import { createLogger, type Logger } from '@rekindle/platform-logger';
import { connectBus, decodeMessage, type Bus } from '@rekindle/platform-messaging';
import { testEnv } from './test-config';
import { uniqueTestId } from './unique-id';

export interface TestBus extends Bus {
  /** Deletes every stream of this bus's prefix, then closes the connection. */
  cleanup(): Promise<void>;
}

export interface TestBusOptions {
  /** Another NATS than testEnv().NATS_URL, e.g. a private server for outage tests. */
  url?: string;
  /** The prefix of services started before it; a fresh one by default. */
  prefix?: string;
  logger?: Logger;
}

/** A bus with a fresh prefix of its own, so its subjects and streams never meet another run's. */
export async function createTestBus(label: string, options: TestBusOptions = {}): Promise<TestBus> {
  const bus = await connectBus({
    url: options.url ?? testEnv().NATS_URL,
    prefix: options.prefix ?? uniqueTestId(label),
    name: `test-${label}`,
    logger: options.logger ?? createLogger({ service: `test-${label}`, level: 'silent' }),
    timeoutMs: 2_000,
    maxReconnectDelayMs: 250,
  });
  return {
    ...bus,
    async cleanup() {
      try {
        await Promise.all((await streamsOf(bus)).map((name) => bus.jsm.streams.delete(name)));
      } finally {
        await bus.close();
      }
    },
  };
}

/** The streams of the bus's prefix (every producer's, `T_X_1A2B3C4D_PROFILE`...), and no other. */
export async function streamsOf(bus: Bus): Promise<string[]> {
  if (!bus.prefix) throw new Error('streamsOf: a bus without a prefix would be every stream of the server');
  const streamPrefix = bus.streamName('');
  const names: string[] = [];
  for await (const name of bus.jsm.streams.names()) if (name.startsWith(streamPrefix)) names.push(name);
  return names;
}

export interface ReadStreamOptions {
  /** Return as soon as this many events are in the stream (and every one of them is read). */
  expected: number;
  timeoutMs?: number;
}

/**
 * Reads a producer's stream from the start with an ordered consumer and returns its CloudEvents (those
 * of a batch message one by one): all of them once at least `expected` have arrived, or what there is when `timeoutMs` runs out. Extra
 * copies already in the stream are included, so `toHaveLength(expected)` asserts "exactly once".
 */
export async function readStream(bus: Bus, producer: string, options: ReadStreamOptions): Promise<CloudEvent[]> {
  const { expected, timeoutMs = 10_000 } = options;
  const deadline = Date.now() + timeoutMs;
  // Right after a NATS restart the bus may still be reconnecting, and requests made meanwhile are lost.
  const messages = await retryUntil(deadline, async () => {
    await bus.ensureStream(producer);
    const consumer = await bus.js.consumers.get(bus.streamName(producer));
    return consumer.consume();
  });
  const timer = setTimeout(() => void messages.close(), Math.max(0, deadline - Date.now()));
  const events: CloudEvent[] = [];
  try {
    for await (const msg of messages) {
      const decoded = decodeMessage(msg.data);
      if (!decoded.ok) throw new Error(`${msg.subject}: ${decoded.error}`);
      events.push(...decoded.events);
      if (events.length >= expected && msg.info.pending === 0) break;
    }
  } finally {
    clearTimeout(timer);
    await messages.close();
  }
  return events;
}

async function retryUntil<T>(deadline: number, attempt: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
