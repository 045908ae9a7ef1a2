import { createCache, type Cache } from '@rekindle/platform-cache';
import { createClock, type Clock } from '@rekindle/platform-config';
import { checkDatabase, openDatabase, runMigrations, type DataSource, type MigrationClass } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { connectBus, OutboxRelay, pruneMessagingTables, type Bus } from '@rekindle/platform-messaging';
import { createMetricsRegistry } from '@rekindle/platform-subgraph-server';
import type { Registry } from 'prom-client';
import { startSingletonJob } from './singleton-job';

/** The variables of `serviceEnvShape` the runtime needs. */
export interface RuntimeConfig {
  DATABASE_URL: string;
  DB_SCHEMA: string;
  DB_POOL_SIZE: number;
  NATS_URL: string;
  BUS_PREFIX: string;
  REDIS_URL?: string | undefined;
  REKINDLE_NOW?: string | undefined;
  OUTBOX_RETENTION_HOURS: number;
  INBOX_RETENTION_DAYS: number;
}

/** How often published outbox rows and inbox entries past their retention are deleted. */
const PRUNE_INTERVAL_MINUTES = 10;

export interface ServiceRuntime {
  dataSource: DataSource;
  bus: Bus;
  cache: Cache;
  relay: OutboxRelay;
  clock: Clock;
  /** The service's metrics: pass it to its server (and consumers) so /metrics shows the outbox too. */
  registry: Registry;
  /** Wake the relay after a commit that wrote outbox rows. */
  onEventsCommitted: () => void;
  readinessChecks: {
    database: { run: () => Promise<void>; critical: true };
    bus: { run: () => Promise<void>; critical: true };
    cache: { run: () => Promise<void> };
  };
  /** In shutdown order, after the service's own hooks: stop pruning, flush the relay, then close bus, cache and pool. */
  closeHooks: (() => Promise<void>)[];
}

/**
 * What every subgraph stands on: its schema's DataSource (migrated first when asked), the bus with
 * the service's own stream, the cache, the outbox relay, the clock (REKINDLE_NOW aware), and the
 * pruning of its outbox and inbox every 10 minutes.
 */
export async function openServiceRuntime(
  name: string,
  config: RuntimeConfig,
  options: { logger: Logger; migrations: MigrationClass[]; migrate?: boolean },
): Promise<ServiceRuntime> {
  const { logger } = options;
  const dataSource = await openDatabase({
    url: config.DATABASE_URL,
    schema: config.DB_SCHEMA,
    migrations: options.migrations,
    poolSize: config.DB_POOL_SIZE,
    applicationName: `rekindle-${name}`,
  });
  if (options.migrate) await runMigrations(dataSource, logger);
  const bus = await connectBus({ url: config.NATS_URL, prefix: config.BUS_PREFIX, name, logger });
  await bus.ensureStream(name);
  const cache = createCache({ url: config.REDIS_URL, keyPrefix: `${config.BUS_PREFIX || 'rekindle'}:${name}:`, logger });
  const registry = createMetricsRegistry(name);
  const relay = new OutboxRelay({ dataSource, bus, logger, registry });
  const retention = { outboxHours: config.OUTBOX_RETENTION_HOURS, inboxDays: config.INBOX_RETENTION_DAYS };
  const pruning = startSingletonJob({
    name: 'messaging retention',
    dataSource,
    logger,
    intervalMinutes: PRUNE_INTERVAL_MINUTES,
    run: async () => {
      const pruned = await pruneMessagingTables(dataSource, retention);
      if (pruned.outbox + pruned.inbox > 0) logger.info(pruned, 'pruned outbox and inbox rows past their retention');
    },
  });
  return {
    dataSource,
    bus,
    cache,
    relay,
    registry,
    clock: createClock(config.REKINDLE_NOW),
    onEventsCommitted: () => relay.notify(),
    readinessChecks: {
      database: { run: () => checkDatabase(dataSource), critical: true },
      bus: { run: () => bus.check(), critical: true },
      cache: { run: () => cache.check() },
    },
    closeHooks: [() => pruning.stop(), () => relay.stop(), () => bus.close(), () => cache.close(), () => dataSource.destroy()],
  };
}
