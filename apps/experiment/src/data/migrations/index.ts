import { idempotencyMigrations, type MigrationClass } from '@rekindle/platform-database';
import { messagingMigrations } from '@rekindle/platform-messaging';
import { CreateExperiment1733097600000 } from './1733097600000-create-experiment';
import { SharedIdempotencyKeys1765100000000 } from './1765100000000-shared-idempotency-keys';

/** Every migration of the experiment schema, in order. */
export const experimentMigrations: MigrationClass[] = [
  ...messagingMigrations,
  ...idempotencyMigrations,
  CreateExperiment1733097600000,
  SharedIdempotencyKeys1765100000000,
];
