import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { MigrationClass } from '../open-database';

/**
 * The record of every partner request made with an idempotency key (runIdempotent): the key is the
 * caller's own within one operation, the request is what a retry must ask again, the outcome what
 * it gets back. Null only inside the transaction that claimed the key.
 */
export class CreateIdempotentRequests1765000000000 implements MigrationInterface {
  name = 'CreateIdempotentRequests1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotent_request (
        caller text NOT NULL,
        operation text NOT NULL,
        idempotency_key text NOT NULL,
        request jsonb NOT NULL,
        outcome jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, operation, idempotency_key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotent_request');
  }
}

/** Appended by each service to its own migration list (before its own migrations that move keys into it). */
export const idempotencyMigrations: MigrationClass[] = [CreateIdempotentRequests1765000000000];
