import type { CloudEvent } from '@rekindle/contracts';
import { dropSchema, type EntityManager } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';
import { testEnv, uniqueTestId } from '@rekindle/platform-testing';
import { loadLoyaltyConfig } from '../config';
import { createLoyaltyService, type LoyaltyService } from '../loyalty-service';

export interface TestLoyaltyOptions {
  NATS_URL?: string;
  /** Share a bus prefix with the profile instance whose events this one reads. */
  busPrefix?: string;
  /** REKINDLE_NOW for this instance. */
  now?: string;
  /** Share another instance's schema (it stays when this one stops). */
  schema?: string;
  /** Any other loyalty variable. */
  env?: Record<string, string>;
  afterEachEvent?: (event: CloudEvent, manager: EntityManager) => Promise<void>;
  /** 'warn' unless told otherwise. */
  logLevel?: 'silent' | 'warn' | 'info';
}

export interface TestLoyalty {
  service: LoyaltyService;
  url: string;
  schema: string;
  busPrefix: string;
  stop(): Promise<void>;
}

/**
 * Starts the real loyalty service in-process on a free port, in a schema and bus prefix of its own
 * (or shared ones), against the real PostgreSQL, NATS and Redis. The profile consumer retries fast.
 */
export async function startTestLoyalty(label: string, options: TestLoyaltyOptions = {}): Promise<TestLoyalty> {
  const env = testEnv();
  const schema = options.schema ?? uniqueTestId(label);
  const busPrefix = options.busPrefix ?? uniqueTestId(label);
  const config = loadLoyaltyConfig({
    DATABASE_URL: env.DATABASE_URL,
    NATS_URL: options.NATS_URL ?? env.NATS_URL,
    REDIS_URL: env.REDIS_URL,
    DB_SCHEMA: schema,
    BUS_PREFIX: busPrefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    LOYALTY_JOBS_INTERVAL_MINUTES: '0',
    LOYALTY_OVERVIEW_CACHE_SECONDS: '0',
    ...(options.now ? { REKINDLE_NOW: options.now } : {}),
    ...options.env,
  });
  const service = await createLoyaltyService({
    config,
    logger: createLogger({ service: 'loyalty', level: options.logLevel ?? 'warn' }),
    migrate: true,
    consumer: { ackWaitMs: 2_000, backoffMs: [50, 200] },
    afterEachEvent: options.afterEachEvent,
  });
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
