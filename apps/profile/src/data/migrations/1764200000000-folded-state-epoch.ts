import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

/**
 * The folder keeps the activity state it last wrote in memory (FoldStateCache) instead of reading
 * it back for every fold. `epoch` on the fold cursor is how it learns that someone else changed that
 * state: every other writer (upsertCustomers, the lifecycle job) bumps it under the FOLD lock, and
 * another replica's fold moves the cursor itself.
 */
export class FoldedStateEpoch1764200000000 implements MigrationInterface {
  name = 'FoldedStateEpoch1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE event_cursor ADD COLUMN epoch bigint NOT NULL DEFAULT 0');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE event_cursor DROP COLUMN epoch');
  }
}
