import { z } from 'zod';
import { envFields, loadConfig } from '@rekindle/platform-config';

/**
 * The environment `npm start` and `npm test` read; the README's table lists the same variables.
 * This is the stack runner's only reader of process.env: every other file receives these values.
 */
const stackEnvSchema = z.object({
  DATABASE_URL: envFields.databaseUrl
    .optional()
    .describe('PostgreSQL to use. Unset: 127.0.0.1:5432 as user postgres if it answers, else an embedded server'),
  NATS_URL: envFields.natsUrl
    .optional()
    .describe('NATS with JetStream to use. Unset: 127.0.0.1:4222 if it answers with JetStream, else nats-server from PATH'),
  REDIS_URL: envFields.redisUrl.describe(
    'Redis to use. Unset: 127.0.0.1:6379 if it answers, else redis-server from PATH, else (npm start only) none',
  ),
  LOG_LEVEL: envFields.logLevel.describe('log level handed to every service npm start runs'),
  REKINDLE_NOW: envFields.now.describe('a fixed "now" handed to every service npm start runs (demos)'),
  PATH: z.string().default('').describe('where nats-server and redis-server are looked for'),
});

export interface GivenUrls {
  databaseUrl?: string;
  natsUrl?: string;
  redisUrl?: string;
}

export interface StackConfig {
  given: GivenUrls;
  logLevel: string;
  rekindleNow?: string;
  /** The PATH to search for nats-server and redis-server. */
  searchPath: string;
  /** The runner's whole environment, which the processes it starts inherit. */
  inheritedEnv: Record<string, string>;
}

export function loadStackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const parsed = loadConfig(stackEnvSchema, env);
  return {
    given: { databaseUrl: parsed.DATABASE_URL, natsUrl: parsed.NATS_URL, redisUrl: parsed.REDIS_URL },
    logLevel: parsed.LOG_LEVEL,
    rekindleNow: parsed.REKINDLE_NOW,
    searchPath: parsed.PATH,
    inheritedEnv: Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
  };
}
