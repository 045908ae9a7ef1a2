import type { QueryRunner } from 'typeorm';
import { lockForTransaction } from './advisory-lock';

/**
 * CREATE EXTENSION IF NOT EXISTS, in `public`, from a migration (which runs in a transaction):
 * two schemas migrating at once (test runs, replicas) would otherwise race and one would fail on
 * the catalog's unique index, so creations queue on a database-wide advisory lock.
 */
export async function createExtension(runner: QueryRunner, name: 'pg_trgm' | 'pgcrypto'): Promise<void> {
  await lockForTransaction(runner, 'create-extension', { scope: 'database' });
  await runner.query(`CREATE EXTENSION IF NOT EXISTS ${name} WITH SCHEMA public`);
}
