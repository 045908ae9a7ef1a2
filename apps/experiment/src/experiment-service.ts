import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentRequestContext, type Logger } from '@rekindle/platform-logger';
import { startConsumers, type RunningConsumer } from '@rekindle/platform-messaging';
import { openServiceRuntime } from '@rekindle/platform-runtime';
import { createSubgraphServer } from '@rekindle/platform-subgraph-server';
import type { ExperimentConfig } from './config';
import type { ExperimentContext, ExperimentUseCases } from './context';
import { ConversionRepository } from './data/conversion.repository';
import { createExperimentLoaders } from './data/experiment.loaders';
import { ExperimentRepository } from './data/experiment.repository';
import { ExposureRepository } from './data/exposure.repository';
import { experimentMigrations } from './data/migrations';
import { profileConversionConsumers } from './events/profile-conversions.consumer';
import { resolvers } from './resolvers';
import { AssignVariantsUseCase } from './use-cases/assign-variants.use-case';
import { ChangeExperimentStatusUseCase } from './use-cases/change-experiment-status.use-case';
import { CreateExperimentUseCase } from './use-cases/create-experiment.use-case';
import { ExperimentResultsUseCase } from './use-cases/experiment-results.use-case';
import { ListExperimentsUseCase } from './use-cases/list-experiments.use-case';
import { RecordConversionUseCase } from './use-cases/record-conversion.use-case';
import { UpdateExperimentUseCase } from './use-cases/update-experiment.use-case';

export interface ExperimentServiceOptions {
  config: ExperimentConfig;
  logger: Logger;
  /** Apply pending migrations before serving: tests and single-process runs; deployments use the migrate Job. */
  migrate?: boolean;
  /** Options for the profile-events consumer (tests shorten the back-off). */
  consumer?: { backoffMs?: readonly number[]; ackWaitMs?: number };
}

/**
 * Wires the experiment subgraph on its runtime (database, bus, cache, outbox relay for exposures and
 * status events): the durable consumers of profile's events that count conversions, use cases and
 * the GraphQL server.
 */
export async function createExperimentService({ config, logger, migrate = false, consumer: consumerOptions = {} }: ExperimentServiceOptions) {
  const runtime = await openServiceRuntime('experiment', config, { logger, migrations: experimentMigrations, migrate });
  const { dataSource, bus, cache, clock, onEventsCommitted } = runtime;
  const experiments = new ExperimentRepository();
  const exposures = new ExposureRepository();
  const conversions = new ConversionRepository();
  const useCases: ExperimentUseCases = {
    createExperiment: new CreateExperimentUseCase({ dataSource, experiments }),
    updateExperiment: new UpdateExperimentUseCase({ dataSource, experiments }),
    changeStatus: new ChangeExperimentStatusUseCase({ dataSource, experiments, clock, onEventsCommitted }),
    assignVariants: new AssignVariantsUseCase({ dataSource, experiments, exposures, clock, onEventsCommitted }),
    recordConversion: new RecordConversionUseCase({ dataSource, experiments, exposures, conversions, clock }),
    listExperiments: new ListExperimentsUseCase({ dataSource, experiments }),
    results: new ExperimentResultsUseCase({ dataSource, cache, cacheSeconds: config.RESULTS_CACHE_SECONDS, clock }),
  };

  let consumers: RunningConsumer | undefined;
  const server = createSubgraphServer<ExperimentContext>({
    name: 'experiment',
    typeDefs: readFileSync(join(__dirname, 'schema.graphql'), 'utf8'),
    resolvers,
    port: config.PORT,
    logger,
    context: async () => ({
      ...useCases,
      loaders: createExperimentLoaders(dataSource, experiments, exposures),
      clock,
      traceparent: currentRequestContext()?.traceparent,
    }),
    readinessChecks: runtime.readinessChecks,
    onShutdown: [async () => await consumers?.stop(), ...runtime.closeHooks],
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    registry: runtime.registry,
  });

  return {
    dataSource,
    bus,
    useCases,
    async start() {
      runtime.relay.start();
      consumers = await startConsumers(profileConversionConsumers(conversions), {
        bus,
        dataSource,
        logger,
        maxAttempts: config.CONVERSIONS_MAX_ATTEMPTS,
        registry: server.registry,
        ...consumerOptions,
      });
      return server.start();
    },
    stop: () => server.stop(),
  };
}

export type ExperimentService = Awaited<ReturnType<typeof createExperimentService>>;
