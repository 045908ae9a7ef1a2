import { createLogger } from '@rekindle/platform-logger';
import { testEnv, uniqueTestId } from '@rekindle/platform-testing';
import { dropSchema } from '@rekindle/platform-database';
import { loadProfileConfig } from '../config';
import { createProfileService, type ProfileService } from '../profile-service';

export interface TestProfileOptions {
  NATS_URL?: string;
  busPrefix?: string;
  /** REKINDLE_NOW for this instance. */
  now?: string;
  /** Share another instance's schema (it stays when this one stops). */
  schema?: string;
  /** Any other profile variable, e.g. LIFECYCLE_DORMANT_DAYS. */
  env?: Record<string, string>;
}

export interface TestProfile {
  service: ProfileService;
  url: string;
  schema: string;
  busPrefix: string;
  stop(): Promise<void>;
}

/**
 * Starts the real profile service in-process on a free port, in a schema and bus prefix of its
 * own, against the real PostgreSQL, NATS and Redis.
 */
export async function startTestProfile(label: string, options: TestProfileOptions = {}): Promise<TestProfile> {
  const env = testEnv();
  const schema = options.schema ?? uniqueTestId(label);
  const busPrefix = options.busPrefix ?? uniqueTestId(label);
  const config = loadProfileConfig({
    DATABASE_URL: env.DATABASE_URL,
    NATS_URL: options.NATS_URL ?? env.NATS_URL,
    REDIS_URL: env.REDIS_URL,
    DB_SCHEMA: schema,
    BUS_PREFIX: busPrefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    CUSTOMER_COUNT_CACHE_SECONDS: '0',
    PROFILE_JOBS_INTERVAL_MINUTES: '0',
    ...(options.now ? { REKINDLE_NOW: options.now } : {}),
    ...options.env,
  });
  const service = await createProfileService({ config, logger: createLogger({ service: 'profile', level: 'warn' }), migrate: true });
  const { url } = await service.start();
  return {
    service,
    url,
    schema,
    busPrefix,
    async stop() {
      await service.stop();
      if (!options.schema) await dropSchema(env.DATABASE_URL, schema);
    },
  };
}
