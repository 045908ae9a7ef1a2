import type { CloudEvent } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import type { Bus } from './bus';
import { startConsumer, type ConsumerOptions, type RunningConsumer } from './consumer';
import type { ConsumerDefinition } from './define-consumer';
import type { EventHandlers } from './inbox';

export interface StartConsumersOptions extends Omit<ConsumerOptions, 'stream' | 'durable' | 'handlers'> {
  /** Runs inside each event's transaction after its handler: where a test injects a crash. */
  afterEachEvent?: (event: CloudEvent, manager: EntityManager) => Promise<void>;
}

/** Starts every consumer a service declared (defineConsumer), with the same options; stop() stops them all. */
export async function startConsumers(definitions: readonly ConsumerDefinition[], options: StartConsumersOptions): Promise<RunningConsumer> {
  const { afterEachEvent, ...common } = options;
  const running = await Promise.all(
    definitions.map((definition) =>
      startConsumer({
        ...common,
        stream: definition.producer,
        durable: definition.durable,
        handlers: afterEachEvent ? followedBy(definition.handlers, afterEachEvent) : definition.handlers,
      }),
    ),
  );
  return { stop: async () => void (await Promise.all(running.map((consumer) => consumer.stop()))) };
}

/** How many of the producer's events a consumer has not yet acknowledged (pending or in flight). */
export async function consumerBacklog(bus: Bus, definition: Pick<ConsumerDefinition, 'producer' | 'durable'>): Promise<number> {
  const info = await bus.jsm.consumers.info(bus.streamName(definition.producer), definition.durable);
  return info.num_pending + info.num_ack_pending;
}

function followedBy(handlers: EventHandlers, after: (event: CloudEvent, manager: EntityManager) => Promise<void>): EventHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([type, handler]) => [
      type,
      async (event: CloudEvent, manager: EntityManager) => {
        await handler(event, manager);
        await after(event, manager);
      },
    ]),
  );
}
