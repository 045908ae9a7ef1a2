import { runService } from '@rekindle/platform-subgraph-server';
import { loadLoyaltyConfig } from './config';
import { createLoyaltyService } from './loyalty-service';

runService('loyalty', () => loadLoyaltyConfig(), (config, logger) => createLoyaltyService({ config, logger }));
