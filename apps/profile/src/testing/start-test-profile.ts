import { createLogger } from '@rekindle/platform-logger';
import { startTestService, type TestService, type TestServiceOptions } from '@rekindle/platform-testing';
import { loadProfileConfig } from '../config';
import { createProfileService, type ProfileService } from '../profile-service';

export type TestProfile = TestService<ProfileService>;

/** The real profile service in-process (see startTestService), migrated, with its jobs left to the test. */
export function startTestProfile(label: string, options: TestServiceOptions = {}): Promise<TestProfile> {
  return startTestService(label, options, async (env) => {
    const config = loadProfileConfig({ CUSTOMER_COUNT_CACHE_SECONDS: '0', PROFILE_JOBS_INTERVAL_MINUTES: '0', ...env });
    const service = await createProfileService({ config, logger: createLogger({ service: 'profile', level: config.LOG_LEVEL }), migrate: true });
    const { url } = await service.start();
    return { service, url };
  });
}
