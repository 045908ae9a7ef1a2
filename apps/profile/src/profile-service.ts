import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';
import { currentRequestContext, type Logger } from '@rekindle/platform-logger';
import { openServiceRuntime, startSingletonJob } from '@rekindle/platform-runtime';
import { createSubgraphServer } from '@rekindle/platform-subgraph-server';
import type { ProfileConfig } from './config';
import type { ProfileContext, ProfileUseCases } from './context';
import { ActivityRepository } from './data/activity.repository';
import { ConsentRepository } from './data/consent.repository';
import { createCustomerFactsLoaders } from './data/customer-facts.loaders';
import { CustomerFactsQuery } from './data/customer-facts.query';
import { createCustomerLoaders } from './data/customer.loaders';
import { CustomerRepository } from './data/customer.repository';
import { EventLogRepository } from './data/event-log.repository';
import { LifecycleJobRepository } from './data/lifecycle-job.repository';
import { LifecycleRepository } from './data/lifecycle.repository';
import { profileMigrations } from './data/migrations';
import { RfmJobRepository } from './data/rfm-job.repository';
import { createIngestion } from './ingestion';
import { resolvers } from './resolvers';
import { DormancyOverviewUseCase } from './use-cases/dormancy-overview.use-case';
import { ListCustomersUseCase } from './use-cases/list-customers.use-case';
import { RecomputeProfilesUseCase } from './use-cases/recompute-profiles.use-case';
import { RecordEventsUseCase } from './use-cases/record-events.use-case';
import { UpdateConsentsUseCase } from './use-cases/update-consents.use-case';
import { UpsertCustomersUseCase } from './use-cases/upsert-customers.use-case';

export interface ProfileServiceOptions {
  config: ProfileConfig;
  logger: Logger;
  /** Apply pending migrations before serving: tests and single-process runs; deployments use the migrate Job. */
  migrate?: boolean;
}

/** Wires the profile subgraph on its runtime (database, bus, cache, outbox relay): use cases, jobs and the GraphQL server. */
export async function createProfileService({ config, logger, migrate = false }: ProfileServiceOptions) {
  const runtime = await openServiceRuntime('profile', config, { logger, migrations: profileMigrations, migrate });
  const { dataSource, cache, clock, onEventsCommitted } = runtime;
  const thresholds = config.lifecycleThresholds;
  const customers = new CustomerRepository();
  const activity = new ActivityRepository();
  const lifecycle = new LifecycleRepository();
  const facts = new CustomerFactsQuery();
  const log = new EventLogRepository();
  const ingestion = createIngestion({
    dataSource,
    bus: runtime.bus,
    log,
    clock,
    thresholds,
    logger,
    registry: runtime.registry,
    foldBatch: config.INGEST_FOLD_BATCH,
    foldGatherMs: config.INGEST_FOLD_GATHER_MS,
    publishBatch: config.INGEST_PUBLISH_BATCH,
    settleTimeoutMs: 60_000,
    onOutboxWritten: onEventsCommitted,
  });
  const useCases: ProfileUseCases = {
    upsertCustomers: new UpsertCustomersUseCase({ dataSource, customers, activity, lifecycle, clock, thresholds, onEventsCommitted }),
    listCustomers: new ListCustomersUseCase({ dataSource, customers, cache, clock, countCacheSeconds: config.CUSTOMER_COUNT_CACHE_SECONDS }),
    recordEvents: new RecordEventsUseCase({
      dataSource,
      customers,
      customerIds: new LRUCache({ max: config.CUSTOMER_ID_CACHE_SIZE }),
      log,
      clock,
      onEventsCommitted: () => {
        ingestion.notify();
        onEventsCommitted();
      },
    }),
    updateConsents: new UpdateConsentsUseCase({ dataSource, customers, consents: new ConsentRepository(), clock, onEventsCommitted }),
    recomputeProfiles: new RecomputeProfilesUseCase({
      dataSource,
      rfm: new RfmJobRepository(),
      lifecycle: new LifecycleJobRepository(),
      clock,
      thresholds,
      rfmWindowDays: config.RFM_WINDOW_DAYS,
      cache,
      logger,
      onEventsCommitted,
      foldPending: () => ingestion.foldPending(),
    }),
    dormancyOverview: new DormancyOverviewUseCase({ dataSource, cache, cacheSeconds: config.CUSTOMER_COUNT_CACHE_SECONDS }),
  };

  const jobs = startSingletonJob({
    name: 'profile jobs',
    dataSource,
    logger,
    intervalMinutes: config.PROFILE_JOBS_INTERVAL_MINUTES,
    run: () => useCases.recomputeProfiles.execute(),
  });

  const server = createSubgraphServer<ProfileContext>({
    name: 'profile',
    typeDefs: readFileSync(join(__dirname, 'schema.graphql'), 'utf8'),
    resolvers,
    port: config.PORT,
    logger,
    context: async () => ({
      ...useCases,
      jobs,
      loaders: createCustomerLoaders(dataSource, customers),
      facts: createCustomerFactsLoaders(dataSource, facts, clock.now()),
      clock,
      traceparent: currentRequestContext()?.traceparent,
    }),
    readinessChecks: runtime.readinessChecks,
    onShutdown: [() => jobs.stop(), () => ingestion.stop(), ...runtime.closeHooks],
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    registry: runtime.registry,
  });

  return {
    dataSource,
    bus: runtime.bus,
    useCases,
    /** Folds and publishes every event recorded so far, then flushes the outbox: what a test awaits before it reads. */
    async drainIngestion() {
      await ingestion.drain();
      await runtime.relay.flush();
    },
    async start() {
      runtime.relay.start();
      if (config.PROFILE_EVENT_WORKER) ingestion.start();
      return server.start();
    },
    stop: () => server.stop(),
  };
}

export type ProfileService = Awaited<ReturnType<typeof createProfileService>>;
