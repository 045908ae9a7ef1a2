import { AckPolicy, DeliverPolicy, nanos, type ConsumerConfig, type JsMsg, type NatsError } from 'nats';
import type { Registry } from 'prom-client';
import type { CloudEvent } from '@rekindle/contracts';
import { inTransaction, type DataSource } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { backoffFor } from './backoff';
import type { Bus } from './bus';
import { consumerFilter } from './consumer-filter';
import { recordDeadLetter } from './dead-letter';
import { decodeMessage } from './event-codec';
import { handleAllOnce, handleOnce, inEventContext, type EventHandler, type EventHandlers } from './inbox';
import { consumerMetrics } from './metrics';

export interface ConsumerOptions {
  bus: Bus;
  dataSource: DataSource;
  logger: Logger;
  /** The producing service whose stream to read, e.g. `profile`. */
  stream: string;
  /** Durable consumer name, shared by every replica; also the inbox and dead-letter key. */
  durable: string;
  handlers: EventHandlers;
  /** Deliveries before an event goes to `dead_letter`. */
  maxAttempts?: number;
  /** Redelivery delay after failed attempt 1, 2, …; the last entry repeats. */
  backoffMs?: readonly number[];
  /** How long the server waits for an ack before redelivering; a running handler keeps extending it. */
  ackWaitMs?: number;
  /** Messages pulled ahead of the one being handled. */
  batchSize?: number;
  registry?: Registry;
}

export interface RunningConsumer {
  /** Stops pulling, lets the in-flight handler finish and ack, hands buffered messages back, then returns. */
  stop(): Promise<void>;
}

const CONSUMER_NOT_FOUND = 10014;

/**
 * Starts a durable pull consumer on a producer's stream. Each event is applied once per consumer:
 * the inbox row and the handler's writes commit in one transaction, and only then is the message
 * acked. A message carrying a batch of events applies them all in one transaction; when that fails,
 * one by one, so a bad event holds back only itself. Failures are redelivered after `backoffMs`;
 * the last allowed attempt lands in `dead_letter`, per event.
 */
export async function startConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
  const { bus, dataSource, logger, stream, durable, handlers, maxAttempts = 5, backoffMs = [500, 2000, 10000, 30000] } = options;
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const log = logger.child({ consumer: durable, stream });
  const count = consumerMetrics(options.registry, durable);
  const streamName = bus.streamName(stream);

  await bus.ensureStream(stream);
  await ensureDurable(options, streamName, ackWaitMs);
  const consumer = await bus.js.consumers.get(streamName, durable);
  const messages = await consumer.consume({ max_messages: options.batchSize ?? 20 });

  const retryLater = (msg: JsMsg, delayMs: number) => {
    msg.nak(delayMs);
    count('retried');
  };

  /** Records the event (or the undecodable message) as a dead letter; false when even that failed. */
  async function recordDead(msg: JsMsg, event: CloudEvent | null, payload: unknown, error: string): Promise<boolean> {
    const attempts = msg.info.redeliveryCount;
    try {
      await recordDeadLetter(dataSource, { consumer: durable, eventId: event?.id ?? null, subject: msg.subject, payload, error, attempts });
      log.error({ eventId: event?.id, type: event?.type, subject: msg.subject, attempts, error }, 'event dead-lettered');
      count('dead_lettered');
      return true;
    } catch (recordError) {
      log.error({ err: recordError, eventId: event?.id }, 'could not record dead letter; redelivering');
      return false;
    }
  }

  /** Every event of a batch in one transaction: one commit instead of one per event. */
  async function handleTogether(events: readonly CloudEvent[]): Promise<boolean> {
    try {
      const ran = await inTransaction(dataSource, (manager) =>
        handleAllOnce(manager, durable, events, (event) => handlers[event.type] as EventHandler),
      );
      for (const processed of ran) count(processed ? 'processed' : 'duplicate');
      return true;
    } catch {
      return false; // one of them failed: handleEach finds which, and the others still apply
    }
  }

  /** Each event in a transaction of its own; false when one is to be retried (the message is nak'ed). */
  async function handleEach(msg: JsMsg, events: readonly CloudEvent[]): Promise<boolean> {
    for (const event of events) {
      if (!(await inEventContext(event, () => handleAlone(msg, event)))) return false;
    }
    return true;
  }

  async function handleAlone(msg: JsMsg, event: CloudEvent): Promise<boolean> {
    const attempt = msg.info.redeliveryCount;
    try {
      const ran = await inTransaction(dataSource, (manager) => handleOnce(manager, durable, event, handlers[event.type] as EventHandler));
      count(ran ? 'processed' : 'duplicate');
      return true;
    } catch (error) {
      const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
      if (attempt >= maxAttempts && (await recordDead(msg, event, event, reason))) return true;
      const delayMs = backoffFor(attempt, backoffMs);
      log.warn({ err: error, eventId: event.id, type: event.type, attempt, delayMs }, 'event handler failed; will retry');
      // Events of the same message applied before it stay applied; their inbox rows make the redelivery skip them.
      retryLater(msg, delayMs);
      return false;
    }
  }

  async function handle(msg: JsMsg): Promise<void> {
    const decoded = decodeMessage(msg.data);
    if (!decoded.ok) {
      if (await recordDead(msg, null, decoded.payload, decoded.error)) msg.term();
      else retryLater(msg, backoffFor(msg.info.redeliveryCount, backoffMs));
      return;
    }
    const mine = decoded.events.filter((event) => handlers[event.type] !== undefined);
    for (let ignored = decoded.events.length - mine.length; ignored > 0; ignored -= 1) count('ignored');
    if (mine.length === 0) return msg.ack();
    const keepAlive = setInterval(() => msg.working(), Math.max(100, Math.floor(ackWaitMs / 3)));
    try {
      const done = (mine.length > 1 && (await handleTogether(mine))) || (await handleEach(msg, mine));
      if (done) msg.ack();
    } finally {
      clearInterval(keepAlive);
    }
  }

  let stopping = false;
  const loop = (async () => {
    for await (const msg of messages) {
      try {
        // Messages still buffered once stop() is called go straight back to the server for another replica.
        if (stopping) msg.nak();
        else await handle(msg);
      } catch (error) {
        log.error({ err: error, subject: msg.subject }, 'could not settle a message; the server will redeliver it');
      }
    }
  })().catch((error: unknown) => log.error({ err: error }, 'consumer stopped unexpectedly'));
  log.info('consumer started');

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        stopping = true;
        void messages.close();
        await loop;
        // Acks are fire-and-forget; a round trip to the server ensures they have all arrived.
        if (!bus.nc.isClosed()) await bus.nc.flush();
        log.info('consumer stopped');
      })();
      return stopped;
    },
  };
}

async function ensureDurable(options: ConsumerOptions, streamName: string, ackWaitMs: number): Promise<void> {
  const { bus, stream, durable, handlers } = options;
  const config: Partial<ConsumerConfig> = {
    ack_wait: nanos(ackWaitMs),
    max_deliver: -1,
    ...consumerFilter({ prefix: bus.prefix, producer: stream, eventTypes: Object.keys(handlers), serverVersion: bus.nc.info?.version }),
  };
  try {
    await bus.jsm.consumers.info(streamName, durable);
  } catch (error) {
    if ((error as NatsError).api_error?.err_code !== CONSUMER_NOT_FOUND) throw error;
    await bus.jsm.consumers.add(streamName, {
      ...config,
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    return;
  }
  await bus.jsm.consumers.update(streamName, durable, config);
}
