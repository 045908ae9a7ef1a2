import { dropSchema } from '@rekindle/platform-database';
import { createDefinedService, type ServiceDefinition } from '@rekindle/platform-subgraph-server';
import type { SubgraphService } from './service-definitions';
import { createTestBus } from './test-bus';
import { testEnv } from './test-config';
import { uniqueTestId } from './unique-id';
import { waitUntilPublished } from './wait-until-published';

export interface TestServiceOptions<H extends object = object> {
  /** Names its schema and bus prefix; the service's name by default. */
  label?: string;
  /** REKINDLE_NOW for this instance. */
  now?: string;
  /** Another NATS than testEnv().NATS_URL, e.g. a private server for outage tests. */
  NATS_URL?: string;
  /** Share the bus prefix of a test bus or another instance: their owner deletes the streams. */
  busPrefix?: string;
  /** Share another instance's schema (it stays when this one stops). */
  schema?: string;
  /** Any other variable of the service, over those of its test profile. */
  env?: Record<string, string>;
  /** Hooks over those of its test profile, e.g. loyalty's afterEachEvent. */
  hooks?: Partial<H>;
}

export interface TestService<S> {
  name: string;
  service: S;
  /** Its GraphQL endpoint. */
  url: string;
  schema: string;
  busPrefix: string;
  /** Its background work done (the definition's settle) and its outbox published: what a test awaits before it reads. */
  settle(): Promise<void>;
  /** Stops it, then drops its schema and deletes its streams unless they were shared with it. */
  stop(): Promise<void>;
}

/**
 * Starts a real subgraph in-process on a free port against the real PostgreSQL, NATS and Redis,
 * migrated, in a schema and bus prefix of its own unless shared ones are given, with its
 * definition's test profile (scheduled jobs off, caches 0, its test hooks) and quiet logs.
 */
export async function startTestService<C extends { LOG_LEVEL: string }, S extends SubgraphService, H extends object>(
  definition: ServiceDefinition<C, S, H>,
  options: TestServiceOptions<H> = {},
): Promise<TestService<S>> {
  const infra = testEnv();
  const label = options.label ?? definition.name;
  const natsUrl = options.NATS_URL ?? infra.NATS_URL;
  const schema = options.schema ?? uniqueTestId(label);
  const busPrefix = options.busPrefix ?? uniqueTestId(label);
  const cleanUp = async () => {
    if (!options.schema) await dropSchema(infra.DATABASE_URL, schema);
    if (!options.busPrefix) await (await createTestBus(label, { url: natsUrl, prefix: busPrefix })).cleanup();
  };
  const env = {
    DATABASE_URL: infra.DATABASE_URL,
    NATS_URL: natsUrl,
    REDIS_URL: infra.REDIS_URL,
    DB_SCHEMA: schema,
    BUS_PREFIX: busPrefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...(options.now ? { REKINDLE_NOW: options.now } : {}),
    ...definition.test.env,
    ...options.env,
  };
  let started: { service: S; url: string };
  try {
    const { service } = await createDefinedService(definition, env, { migrate: true, hooks: { ...definition.test.hooks, ...options.hooks } });
    started = { service, url: (await service.start()).url };
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const { service, url } = started;
  return {
    name: definition.name,
    service,
    url,
    schema,
    busPrefix,
    async settle() {
      await definition.test.settle?.(service);
      await waitUntilPublished(service.dataSource);
    },
    async stop() {
      await service.stop();
      await cleanUp();
    },
  };
}
