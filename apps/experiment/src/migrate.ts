import { runMigrate } from '@rekindle/platform-runtime';
import { loadExperimentConfig } from './config';
import { experimentMigrations } from './data/migrations';

runMigrate('experiment', () => loadExperimentConfig(), experimentMigrations);
