/**
 * Database: one TypeORM DataSource per service schema (search_path confined to it), migrations
 * applied by `runMigrations` or the `migrateAndClose` CLI body, `inTransaction` for atomic writes,
 * and `ensureSchema`/`dropSchema` for the isolated schema each test run gets.
 * Advisory locks have one scheme, a name per lock keyed within the schema: `lockForTransaction`,
 * `tryLockForTransaction`, `lockKeySql` (for statements that lock many names at once) and
 * `runExclusively` (a session lock held while work runs: one replica at a time).
 * Partner mutations with a client key run through `runIdempotent` (the first outcome stored and
 * replayed, another request under the key a CONFLICT, keys scoped to caller and operation); its
 * table comes with `idempotencyMigrations`, which every service appends to its migration list.
 * Entities never leave the app's data layer; set-based SQL goes through `manager.query`.
 */
export {
  openDatabase,
  runMigrations,
  checkDatabase,
  ensureSchema,
  dropSchema,
  type DatabaseOptions,
  type MigrationClass,
} from './open-database';
export { inTransaction } from './transaction';
export {
  lockKeySql,
  lockForTransaction,
  tryLockForTransaction,
  runExclusively,
  type ExclusiveRun,
  type LockScope,
} from './advisory-lock';
export { createExtension } from './create-extension';
export { isUniqueViolation } from './pg-error';
export { migrateAndClose, type MigrationCliOptions } from './migration-cli';
export {
  runIdempotent,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  type IdempotentRequest,
  type IdempotentOutcome,
} from './idempotency/idempotent';
export { idempotencyMigrations, CreateIdempotentRequests1765000000000 } from './idempotency/migrations';
export type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
