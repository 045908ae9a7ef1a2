import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

/**
 * The folder rewrites a customer's activity row on nearly every fold. The index on last_active_at
 * served no query (the days-inactive filter and the lifecycle job compute from COALESCE of three
 * dates, which it cannot answer) yet made every such rewrite insert into it and into the primary
 * key. Without it, and with room left in each page, PostgreSQL updates the row in place (HOT),
 * which costs it less CPU per rewritten row (apps/profile/README.md).
 */
export class ActivityUpdatedInPlace1764100000000 implements MigrationInterface {
  name = 'ActivityUpdatedInPlace1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX customer_activity_last_active_idx');
    await runner.query('ALTER TABLE customer_activity SET (fillfactor = 80)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE customer_activity RESET (fillfactor)');
    await runner.query('CREATE INDEX customer_activity_last_active_idx ON customer_activity (last_active_at)');
  }
}
