/**
 * Database: one TypeORM DataSource per service schema (search_path confined to it), migrations
 * applied by `runMigrations` or the `migrateAndClose` CLI body, `inTransaction` for atomic writes,
 * and `ensureSchema`/`dropSchema` for the isolated schema each test run gets.
 * Advisory locks have one scheme, a name per lock keyed within the schema: `lockForTransaction`,
 * `tryLockForTransaction`, `lockKeySql` (for statements that lock many names at once) and
 * `runExclusively` (a session lock held while work runs: one replica at a time).
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
export type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
