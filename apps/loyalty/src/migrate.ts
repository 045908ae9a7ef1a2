import { runMigrate } from '@rekindle/platform-runtime';
import { loadLoyaltyConfig } from './config';
import { loyaltyMigrations } from './data/migrations';

runMigrate('loyalty', () => loadLoyaltyConfig(), loyaltyMigrations);
