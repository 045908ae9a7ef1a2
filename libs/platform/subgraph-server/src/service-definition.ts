import { createLogger, type Logger } from '@rekindle/platform-logger';

export interface RunnableService {
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
}

/** What a service's create() is given; its own options (hooks) come beside these. */
export interface ServiceOptions<C> {
  config: C;
  logger: Logger;
  /** Apply pending migrations before serving: tests and single-process runs; deployments use the migrate Job. */
  migrate?: boolean;
}

/** How a test runs the service: what platform-testing's kit starts it with. */
export interface ServiceTestProfile<S, H> {
  /** Variables over the kit's own (database, bus, port 0, quiet logs): scheduled jobs off, caches 0. */
  env: Readonly<Record<string, string>>;
  /** Hooks a test starts it with unless it gives its own, e.g. a short consumer back-off. */
  hooks?: H;
  /** Finishes the background work a test awaits before it reads, beyond the outbox (which the kit waits for). */
  settle?(service: S): Promise<void>;
}

/**
 * One service, as `apps/<name>/src/service-definition.ts` exports it (`serviceDefinition`): its
 * name, how it reads its environment, how it is created, and how a test runs it. main.ts runs it
 * (`runService`); the test kit loads the same file by the service's name and runs it in-process.
 */
export interface ServiceDefinition<C extends { LOG_LEVEL: string } = { LOG_LEVEL: string }, S extends RunnableService = RunnableService, H extends object = object> {
  name: string;
  loadConfig(env: NodeJS.ProcessEnv): C;
  create(options: ServiceOptions<C> & Partial<H>): S | Promise<S>;
  test: ServiceTestProfile<S, Partial<H>>;
}

/** Types a definition: C, S and H are inferred from loadConfig, create and the test hooks. */
export function defineService<C extends { LOG_LEVEL: string }, S extends RunnableService, H extends object = object>(
  definition: ServiceDefinition<C, S, H>,
): ServiceDefinition<C, S, H> {
  return definition;
}

/** Loads the definition's config from `env` (failing with its message) and creates the service with a logger of its own. */
export async function createDefinedService<C extends { LOG_LEVEL: string }, S extends RunnableService, H extends object>(
  definition: ServiceDefinition<C, S, H>,
  env: NodeJS.ProcessEnv,
  options: { migrate?: boolean; hooks?: Partial<H> } = {},
): Promise<{ service: S; logger: Logger }> {
  const config = definition.loadConfig(env);
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });
  const hooks: Partial<H> = options.hooks ?? {};
  const service = await definition.create({ ...hooks, config, logger, ...(options.migrate ? { migrate: true } : {}) });
  return { service, logger };
}
