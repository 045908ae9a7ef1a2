import { idempotencyMigrations, type MigrationClass } from '@rekindle/platform-database';
import { messagingMigrations } from '@rekindle/platform-messaging';
import { CreateLoyalty1733011200000 } from './1733011200000-create-loyalty';
import { SharedIdempotencyKeys1765100000000 } from './1765100000000-shared-idempotency-keys';

/** Every migration of the loyalty schema, in order. */
export const loyaltyMigrations: MigrationClass[] = [
  ...messagingMigrations,
  ...idempotencyMigrations,
  CreateLoyalty1733011200000,
  SharedIdempotencyKeys1765100000000,
];
