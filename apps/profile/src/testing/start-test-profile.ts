import { createLogger } from '@rekindle/platform-logger';
import { testEnv, uniqueTestId } from '@rekindle/platform-testing';
import { dropSchema } from '@rekindle/platform-database';
import { loadProfileConfig } from '../config';
import { createProfileService, type ProfileService } from '../profile-service';

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
export async function startTestProfile(label: string, overrides: { NATS_URL?: string; busPrefix?: string } = {}): Promise<TestProfile> {
  const env = testEnv();
  const schema = uniqueTestId(label);
  const busPrefix = overrides.busPrefix ?? uniqueTestId(label);
  const config = loadProfileConfig({
    DATABASE_URL: env.DATABASE_URL,
    NATS_URL: overrides.NATS_URL ?? env.NATS_URL,
    REDIS_URL: env.REDIS_URL,
    DB_SCHEMA: schema,
    BUS_PREFIX: busPrefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    CUSTOMER_COUNT_CACHE_SECONDS: '0',
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
      await dropSchema(env.DATABASE_URL, schema);
    },
  };
}
