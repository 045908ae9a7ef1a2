import { idempotencyMigrations, type MigrationClass } from '@rekindle/platform-database';
import { messagingMigrations } from '@rekindle/platform-messaging';
import { CreateCustomer1732406400100 } from './1732406400100-create-customer';
import { CreateActivity1732492800000 } from './1732492800000-create-activity';
import { FoldEventsInBackground1764000000000 } from './1764000000000-fold-events-in-background';
import { ActivityUpdatedInPlace1764100000000 } from './1764100000000-activity-updated-in-place';
import { PublishBatchesInSql1764400000000 } from './1764400000000-publish-batches-in-sql';
import { StableUuidInPlpgsql1764500000000 } from './1764500000000-stable-uuid-in-plpgsql';
import { EventDataAsJson1764700000000 } from './1764700000000-event-data-as-json';

/** Every migration of the profile schema, in order. */
export const profileMigrations: MigrationClass[] = [
  ...messagingMigrations,
  ...idempotencyMigrations,
  CreateCustomer1732406400100,
  CreateActivity1732492800000,
  FoldEventsInBackground1764000000000,
  ActivityUpdatedInPlace1764100000000,
  PublishBatchesInSql1764400000000,
  StableUuidInPlpgsql1764500000000,
  EventDataAsJson1764700000000,
];
