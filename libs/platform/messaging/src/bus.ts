import {
  connect,
  DiscardPolicy,
  Events,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  type NatsError,
  type StreamConfig,
} from 'nats';
import type { Logger } from '@rekindle/platform-logger';
import { assertValidPrefix, prefixedSubject, streamNameOf } from './naming';

export interface BusOptions {
  /** One or more comma-separated `nats://` servers. */
  url: string;
  /** '' in production; a test id (`t_x_1a2b3c4d`) isolates subjects and streams. */
  prefix: string;
  /** The connection name the server shows, e.g. the service name. */
  name: string;
  logger: Logger;
  /** JetStream request and publish timeout. */
  timeoutMs?: number;
  /** Readiness probe timeout. */
  checkTimeoutMs?: number;
  /** Upper bound of the exponential reconnect delay. */
  maxReconnectDelayMs?: number;
}

export interface Bus {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  prefix: string;
  /** JetStream request and publish timeout, ms. */
  timeoutMs: number;
  subjectFor(contractSubject: string): string;
  streamName(producer: string): string;
  /** Creates or updates the producer's stream; idempotent. */
  ensureStream(producer: string): Promise<void>;
  /** Readiness: the connection is open and JetStream answers. */
  check(): Promise<void>;
  /** Drains subscriptions and pending publishes, then closes. */
  close(): Promise<void>;
}

const DUPLICATE_WINDOW_MS = 2 * 60_000;
const STREAM_NAME_IN_USE = 10058;
const CLOSE_TIMEOUT_MS = 5_000;

/** Connects to NATS, reconnecting forever with capped exponential backoff so the bus survives a NATS restart. */
export async function connectBus(options: BusOptions): Promise<Bus> {
  const { prefix, logger, timeoutMs = 5_000, checkTimeoutMs = 2_000, maxReconnectDelayMs = 2_000 } = options;
  assertValidPrefix(prefix);
  let reconnectAttempts = 0;
  const nc = await connect({
    servers: options.url.split(',').map((s) => s.trim()),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectDelayHandler: () => Math.min(maxReconnectDelayMs, 100 * 2 ** reconnectAttempts++) + Math.random() * 100,
    pingInterval: 10_000,
    maxPingOut: 3,
    // Async stack traces are a large share of a busy producer's CPU (docs/performance.md).
    noAsyncTraces: true,
  });
  void watchStatus(nc, logger, () => (reconnectAttempts = 0));
  const js = nc.jetstream({ timeout: timeoutMs });
  const jsm = await nc.jetstreamManager({ timeout: timeoutMs });
  const probe = await nc.jetstreamManager({ timeout: checkTimeoutMs, checkAPI: false });

  const subjectFor = (subject: string) => prefixedSubject(prefix, subject);
  const streamName = (producer: string) => streamNameOf(prefix, producer);

  return {
    nc,
    js,
    jsm,
    prefix,
    timeoutMs,
    subjectFor,
    streamName,
    async ensureStream(producer) {
      const config: Partial<StreamConfig> = {
        name: streamName(producer),
        subjects: [subjectFor(`${producer}.>`)],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      };
      try {
        await jsm.streams.add(config);
      } catch (error) {
        if ((error as NatsError).api_error?.err_code !== STREAM_NAME_IN_USE) throw error;
        const { name: _name, storage: _storage, ...editable } = config;
        await jsm.streams.update(streamName(producer), editable);
      }
    },
    async check() {
      if (nc.isClosed()) throw new Error('NATS connection is closed');
      await probe.getAccountInfo();
    },
    async close() {
      if (nc.isClosed()) return;
      let timer: NodeJS.Timeout | undefined;
      const bounded = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS)));
      const drained = nc.drain().then(
        () => 'drained' as const,
        (error: unknown) => error,
      );
      const outcome = await Promise.race([drained, bounded]);
      clearTimeout(timer);
      if (outcome !== 'drained') {
        logger.warn({ err: outcome === 'timeout' ? undefined : outcome }, 'NATS drain did not finish; closing');
        await nc.close();
      }
    },
  };
}

async function watchStatus(nc: NatsConnection, logger: Logger, onReconnect: () => void): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === Events.Disconnect) logger.warn({ server: status.data }, 'NATS disconnected; reconnecting');
    else if (status.type === Events.Reconnect) {
      onReconnect();
      logger.info({ server: status.data }, 'NATS reconnected');
    } else if (status.type === Events.Error) logger.error({ err: status.data }, 'NATS async error');
  }
}
