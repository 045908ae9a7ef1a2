import { messagingMigrations } from '@rekindle/platform-messaging';
import type { MigrationClass } from '@rekindle/platform-database';
import { CreateLoyalty1733011200000 } from './1733011200000-create-loyalty';

/** Every migration of the loyalty schema, in order. */
export const loyaltyMigrations: MigrationClass[] = [...messagingMigrations, CreateLoyalty1733011200000];
