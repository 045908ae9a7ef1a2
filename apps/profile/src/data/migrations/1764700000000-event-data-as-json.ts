import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

/**
 * customer_event.data as `json`, not `jsonb`: ingestion writes every event's data and the publisher
 * reads it back as text, while only the fold (orders, reversals, complaints) and a customer's own
 * activity look inside: writing and reading back get cheaper and the table smaller, reading a field
 * dearer, paid only where the readers look (figures: apps/profile/README.md), and they convert an
 * order's data to jsonb once where they read several fields.
 */
export class EventDataAsJson1764700000000 implements MigrationInterface {
  name = 'EventDataAsJson1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE customer_event ALTER COLUMN data TYPE json USING data::json');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE customer_event ALTER COLUMN data TYPE jsonb USING data::jsonb');
  }
}
