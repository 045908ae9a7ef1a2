import { messagingMigrations } from '@rekindle/platform-messaging';
import type { MigrationClass } from '@rekindle/platform-database';
import { CreateExperiment1733097600000 } from './1733097600000-create-experiment';

/** Every migration of the experiment schema, in order. */
export const experimentMigrations: MigrationClass[] = [...messagingMigrations, CreateExperiment1733097600000];
