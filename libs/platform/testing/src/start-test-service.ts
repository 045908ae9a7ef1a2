import { dropSchema } from '@rekindle/platform-database';
import { testEnv } from './test-config';
import { uniqueTestId } from './unique-id';

export interface TestServiceOptions {
  NATS_URL?: string;
  busPrefix?: string;
  /** REKINDLE_NOW for this instance. */
  now?: string;
  /** Share another instance's schema (it stays when this one stops). */
  schema?: string;
  /** Any other variable of the service. */
  env?: Record<string, string>;
}

export interface TestService<S> {
  service: S;
  url: string;
  schema: string;
  busPrefix: string;
  stop(): Promise<void>;
}

/**
 * Starts a real service in-process on a free port against the real PostgreSQL, NATS and Redis, in
 * a schema and bus prefix of its own unless shared ones are given. `start` receives the service's
 * environment (quiet logs, no scheduled jobs: tests drive them) and returns the running service.
 */
export async function startTestService<S extends { stop(): Promise<void> }>(
  label: string,
  options: TestServiceOptions,
  start: (env: Record<string, string>) => Promise<{ service: S; url: string }>,
): Promise<TestService<S>> {
  const infra = testEnv();
  const schema = options.schema ?? uniqueTestId(label);
  const busPrefix = options.busPrefix ?? uniqueTestId(label);
  const { service, url } = await start({
    DATABASE_URL: infra.DATABASE_URL,
    NATS_URL: options.NATS_URL ?? infra.NATS_URL,
    REDIS_URL: infra.REDIS_URL,
    DB_SCHEMA: schema,
    BUS_PREFIX: busPrefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...(options.now ? { REKINDLE_NOW: options.now } : {}),
    ...options.env,
  });
  return {
    service,
    url,
    schema,
    busPrefix,
    async stop() {
      await service.stop();
      if (!options.schema) await dropSchema(infra.DATABASE_URL, schema);
    },
  };
}
