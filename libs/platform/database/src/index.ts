/**
 * Database: one TypeORM DataSource per service schema (search_path confined to it), migrations
 * applied by `runMigrations` or the `migrateAndClose` CLI body, `inTransaction` for atomic writes,
 * and `ensureSchema`/`dropSchema` for the isolated schema each test run gets.
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
export { createExtension } from './create-extension';
export { migrateAndClose, type MigrationCliOptions } from './migration-cli';
export type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
