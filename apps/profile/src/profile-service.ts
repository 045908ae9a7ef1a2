import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCache } from '@rekindle/platform-cache';
import { createClock } from '@rekindle/platform-config';
import { checkDatabase, openDatabase, runMigrations } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { connectBus, OutboxRelay } from '@rekindle/platform-messaging';
import { createSubgraphServer } from '@rekindle/platform-subgraph-server';
import { currentRequestContext } from '@rekindle/platform-logger';
import type { ProfileConfig } from './config';
import type { ProfileContext } from './context';
import { createCustomerLoaders } from './data/customer.loaders';
import { CustomerRepository } from './data/customer.repository';
import { profileMigrations } from './data/migrations';
import { resolvers } from './resolvers';
import { ListCustomersUseCase } from './use-cases/list-customers.use-case';
import { UpsertCustomersUseCase } from './use-cases/upsert-customers.use-case';

export interface ProfileServiceOptions {
  config: ProfileConfig;
  logger: Logger;
  /** Apply pending migrations before serving: tests and single-process runs; deployments use the migrate Job. */
  migrate?: boolean;
}

/** Wires the profile subgraph: database, bus, cache, outbox relay, use cases and the GraphQL server. */
export async function createProfileService({ config, logger, migrate = false }: ProfileServiceOptions) {
  const dataSource = await openDatabase({
    url: config.DATABASE_URL,
    schema: config.DB_SCHEMA,
    migrations: profileMigrations,
    poolSize: config.DB_POOL_SIZE,
    applicationName: 'rekindle-profile',
  });
  if (migrate) await runMigrations(dataSource, logger);
  const bus = await connectBus({ url: config.NATS_URL, prefix: config.BUS_PREFIX, name: 'profile', logger });
  await bus.ensureStream('profile');
  const cache = createCache({ url: config.REDIS_URL, keyPrefix: `${config.BUS_PREFIX || 'rekindle'}:profile:`, logger });
  const relay = new OutboxRelay({ dataSource, bus, logger });

  const customers = new CustomerRepository();
  const clock = createClock(config.REKINDLE_NOW);
  const upsertCustomers = new UpsertCustomersUseCase({ dataSource, customers, clock, onEventsCommitted: () => relay.notify() });
  const listCustomers = new ListCustomersUseCase({ dataSource, customers, cache, countCacheSeconds: config.CUSTOMER_COUNT_CACHE_SECONDS });

  const server = createSubgraphServer<ProfileContext>({
    name: 'profile',
    typeDefs: readFileSync(join(__dirname, 'schema.graphql'), 'utf8'),
    resolvers,
    port: config.PORT,
    logger,
    context: async () => ({
      loaders: createCustomerLoaders(dataSource, customers),
      upsertCustomers,
      listCustomers,
      traceparent: currentRequestContext()?.traceparent,
    }),
    readinessChecks: {
      database: { run: () => checkDatabase(dataSource), critical: true },
      bus: { run: () => bus.check(), critical: true },
      cache: { run: () => cache.check() },
    },
    onShutdown: [() => relay.stop(), () => bus.close(), () => cache.close(), () => dataSource.destroy()],
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });

  return {
    dataSource,
    bus,
    async start() {
      relay.start();
      return server.start();
    },
    stop: () => server.stop(),
  };
}

export type ProfileService = Awaited<ReturnType<typeof createProfileService>>;
