import { runService } from '@rekindle/platform-subgraph-server';
import { loadProfileConfig } from './config';
import { createProfileService } from './profile-service';

runService('profile', () => loadProfileConfig(), (config, logger) => createProfileService({ config, logger }));
