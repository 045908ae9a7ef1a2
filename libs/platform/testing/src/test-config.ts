import { z } from 'zod';
import { loadConfig } from '@rekindle/platform-config';

/** Where tests find the real PostgreSQL, NATS and Redis: the usual local ports unless told otherwise. */
const testEnvSchema = z.object({
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Where test helpers look for nats-server and redis-server. */
  PATH: z.string().default(''),
});

export type TestEnv = z.infer<typeof testEnvSchema>;

export function testEnv(): TestEnv {
  return loadConfig(testEnvSchema);
}
