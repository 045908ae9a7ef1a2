import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudEvent } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import { currentRequestContext, type Logger } from '@rekindle/platform-logger';
import { consumerBacklog, startConsumers, type RunningConsumer } from '@rekindle/platform-messaging';
import { openServiceRuntime, startSingletonJob } from '@rekindle/platform-runtime';
import { createSubgraphServer } from '@rekindle/platform-subgraph-server';
import type { LoyaltyConfig } from './config';
import type { LoyaltyContext, LoyaltyUseCases } from './context';
import { createLoyaltyLoaders } from './data/loyalty.loaders';
import { loyaltyMigrations } from './data/migrations';
import { createRepositories } from './data/repositories';
import { profileEventsConsumer } from './events/profile-events.consumer';
import { resolvers } from './resolvers';
import { EarnPointsUseCase } from './use-cases/earn-points.use-case';
import { LoyaltyOverviewUseCase } from './use-cases/loyalty-overview.use-case';
import { ReversePointsUseCase } from './use-cases/reverse-points.use-case';
import { RunLoyaltyJobsUseCase } from './use-cases/run-loyalty-jobs.use-case';
import { SpendPointsUseCase } from './use-cases/spend-points.use-case';
import { UpdateLoyaltyProgramUseCase } from './use-cases/update-loyalty-program.use-case';

export interface LoyaltyServiceOptions {
  config: LoyaltyConfig;
  logger: Logger;
  /** Apply pending migrations before serving: tests and single-process runs; deployments use the migrate Job. */
  migrate?: boolean;
  /** The profile consumer's timings (tests shorten them). */
  consumer?: { ackWaitMs?: number; backoffMs?: readonly number[]; maxAttempts?: number };
  /** Runs inside each profile event's transaction after its handler: tests inject crashes here. */
  afterEachEvent?: (event: CloudEvent, manager: EntityManager) => Promise<void>;
}

/**
 * Wires the loyalty subgraph on its runtime (database, bus, cache, outbox relay): the durable
 * consumer of profile's events, use cases, jobs and the GraphQL server.
 */
export async function createLoyaltyService({ config, logger, migrate = false, consumer: consumerOptions = {}, afterEachEvent }: LoyaltyServiceOptions) {
  const runtime = await openServiceRuntime('loyalty', config, { logger, migrations: loyaltyMigrations, migrate });
  const { dataSource, bus, cache, clock, registry, onEventsCommitted } = runtime;
  const repos = createRepositories();
  const reverse = new ReversePointsUseCase({ repos, clock, logger });
  const earn = new EarnPointsUseCase({ repos, reverse, logger });
  const profileEvents = profileEventsConsumer({ repos, earn, reverse });
  const useCases: LoyaltyUseCases = {
    spendPoints: new SpendPointsUseCase({ dataSource, repos, clock, onEventsCommitted }),
    updateLoyaltyProgram: new UpdateLoyaltyProgramUseCase({ dataSource, repos }),
    runLoyaltyJobs: new RunLoyaltyJobsUseCase({
      dataSource,
      repos,
      clock,
      batchSize: config.LOYALTY_JOBS_BATCH_SIZE,
      cache,
      logger,
      onEventsCommitted,
      consumerLag: () => consumerBacklog(bus, profileEvents),
    }),
    loyaltyOverview: new LoyaltyOverviewUseCase({ dataSource, cache, cacheSeconds: config.LOYALTY_OVERVIEW_CACHE_SECONDS, clock }),
  };
  const jobs = startSingletonJob({
    name: 'loyalty jobs',
    dataSource,
    logger,
    intervalMinutes: config.LOYALTY_JOBS_INTERVAL_MINUTES,
    run: () => useCases.runLoyaltyJobs.execute(),
  });

  let consumer: RunningConsumer | undefined;
  const server = createSubgraphServer<LoyaltyContext>({
    name: 'loyalty',
    typeDefs: readFileSync(join(__dirname, 'schema.graphql'), 'utf8'),
    resolvers,
    port: config.PORT,
    logger,
    context: async () => ({
      ...useCases,
      jobs,
      loaders: createLoyaltyLoaders(dataSource, repos),
      clock,
      traceparent: currentRequestContext()?.traceparent,
    }),
    readinessChecks: runtime.readinessChecks,
    onShutdown: [
      async () => {
        await consumer?.stop();
      },
      () => jobs.stop(),
      ...runtime.closeHooks,
    ],
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    registry,
  });

  return {
    dataSource,
    bus,
    useCases,
    async start() {
      runtime.relay.start();
      consumer = await startConsumers([profileEvents], { bus, dataSource, logger, registry, afterEachEvent, ...consumerOptions });
      return server.start();
    },
    stop: () => server.stop(),
  };
}

export type LoyaltyService = Awaited<ReturnType<typeof createLoyaltyService>>;
