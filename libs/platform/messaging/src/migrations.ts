import type { MigrationClass, MigrationInterface, QueryRunner } from '@rekindle/platform-database';

/** Outbox, inbox and dead-letter tables in the service's own schema (unqualified names, search_path decides). */
export class CreateMessagingTables1732406400000 implements MigrationInterface {
  name = 'CreateMessagingTables1732406400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        subject text NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL
      )`);
    await runner.query('CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE published_at IS NULL');
    await runner.query(`
      CREATE TABLE inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    // event_id is null only for a message that could not be decoded as a CloudEvent.
    await runner.query(`
      CREATE TABLE dead_letter (
        id bigserial PRIMARY KEY,
        consumer text NOT NULL,
        event_id uuid NULL,
        subject text NOT NULL,
        payload jsonb NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz NULL
      )`);
    await runner.query('CREATE INDEX dead_letter_consumer_idx ON dead_letter (consumer, id)');
    await runner.query('CREATE UNIQUE INDEX dead_letter_event_idx ON dead_letter (consumer, event_id) WHERE event_id IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE dead_letter');
    await runner.query('DROP TABLE inbox');
    await runner.query('DROP TABLE outbox');
  }
}

/**
 * pruneMessagingTables deletes by age: BRIN indexes on the times find old rows without a scan and
 * cost next to nothing per insert (rows arrive in time order).
 */
export class IndexMessagingTimes1764300000000 implements MigrationInterface {
  name = 'IndexMessagingTimes1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX outbox_published_at_idx ON outbox USING brin (published_at)');
    await runner.query('CREATE INDEX inbox_processed_at_idx ON inbox USING brin (processed_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX inbox_processed_at_idx');
    await runner.query('DROP INDEX outbox_published_at_idx');
  }
}

/**
 * Outbox payloads as json, not jsonb: nothing queries inside them, and the relay wants the text
 * back. jsonb parsed every payload into its binary form on insert and printed it again on claim
 * (what that cost: docs/performance.md).
 */
export class OutboxPayloadAsJson1764600000000 implements MigrationInterface {
  name = 'OutboxPayloadAsJson1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox ALTER COLUMN payload TYPE json USING payload::json');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox ALTER COLUMN payload TYPE jsonb USING payload::jsonb');
  }
}

/**
 * Outbox payloads compressed with lz4 rather than pglz. A message of a few hundred events (100 to
 * 200 KB) is always stored out of line and compressed, and pglz was the largest part of storing it;
 * lz4 stores and reads it back faster (docs/performance.md). A server built without lz4 keeps pglz.
 */
export class OutboxPayloadLz4Compressed1764800000000 implements MigrationInterface {
  name = 'OutboxPayloadLz4Compressed1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DO $$ BEGIN
        ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN
        RAISE NOTICE 'this PostgreSQL has no lz4: outbox payloads stay compressed with pglz';
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION default');
  }
}

/** Appended by each service to its own migration list. */
export const messagingMigrations: MigrationClass[] = [
  CreateMessagingTables1732406400000,
  IndexMessagingTimes1764300000000,
  OutboxPayloadAsJson1764600000000,
  OutboxPayloadLz4Compressed1764800000000,
];
