import { runMigrate } from '@rekindle/platform-runtime';
import { loadProfileConfig } from './config';
import { profileMigrations } from './data/migrations';

runMigrate('profile', () => loadProfileConfig(), profileMigrations);
