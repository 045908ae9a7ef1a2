import type { CloudEvent } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';
import { startTestService, type TestService, type TestServiceOptions } from '@rekindle/platform-testing';
import { loadLoyaltyConfig } from '../config';
import { createLoyaltyService, type LoyaltyService } from '../loyalty-service';

export interface TestLoyaltyOptions extends TestServiceOptions {
  afterEachEvent?: (event: CloudEvent, manager: EntityManager) => Promise<void>;
  /** 'warn' unless told otherwise. */
  logLevel?: 'silent' | 'warn' | 'info';
}

export type TestLoyalty = TestService<LoyaltyService>;

/**
 * The real loyalty service in-process (see startTestService), migrated, its jobs left to the test;
 * share the bus prefix of the profile instance whose events it reads. The profile consumer retries fast.
 */
export function startTestLoyalty(label: string, options: TestLoyaltyOptions = {}): Promise<TestLoyalty> {
  return startTestService(label, options, async (env) => {
    const config = loadLoyaltyConfig({ LOYALTY_JOBS_INTERVAL_MINUTES: '0', LOYALTY_OVERVIEW_CACHE_SECONDS: '0', ...env });
    const service = await createLoyaltyService({
      config,
      logger: createLogger({ service: 'loyalty', level: options.logLevel ?? config.LOG_LEVEL }),
      migrate: true,
      consumer: { ackWaitMs: 2_000, backoffMs: [50, 200] },
      afterEachEvent: options.afterEachEvent,
    });
    const { url } = await service.start();
    return { service, url };
  });
}
