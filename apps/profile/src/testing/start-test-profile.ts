import { createLogger } from '@rekindle/platform-logger';
import { postGraphQL, startTestService, type TestService, type TestServiceOptions } from '@rekindle/platform-testing';
import { loadProfileConfig } from '../config';
import { createProfileService, type ProfileService } from '../profile-service';
import { RECORD_EVENTS, type RecordEventsData } from './event-builders';

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

/**
 * recordEvents through the profile's GraphQL endpoint, then waits until the events are folded into
 * profiles and published (they are, in the background): what a test awaits before it reads.
 */
export async function recordEvents(profile: TestProfile, events: unknown[]) {
  const result = await postGraphQL<RecordEventsData>(profile.url, RECORD_EVENTS, { input: { events } });
  await profile.service.drainIngestion();
  return result;
}
