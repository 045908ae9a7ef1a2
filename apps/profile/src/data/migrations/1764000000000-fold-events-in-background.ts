import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

/**
 * `customer_event` becomes the log that ingestion appends to and two background readers follow: the
 * folder (orders, complaints, activity, lifecycle) and the publisher (activity and order events to
 * JetStream). Each row carries the id of the transaction that wrote it (`xid`) and a `seq`; a reader
 * takes rows in (xid, seq) order only below the oldest running transaction, so a row committed late
 * with a smaller seq is never skipped. Where each reader has got to is a row of `event_cursor`.
 *
 * The daily and per-category counters go: Customer.activity computes them from the events (the
 * timeline index covers it), which keeps every per-event write out of ingestion.
 */
export class FoldEventsInBackground1764000000000 implements MigrationInterface {
  name = 'FoldEventsInBackground1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE customer_event
        ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000),
        ADD COLUMN traceparent text`);
    await runner.query('CREATE INDEX customer_event_log_idx ON customer_event (xid, seq)');
    await runner.query(`
      CREATE TABLE event_cursor (
        reader text PRIMARY KEY,
        xid xid8 NOT NULL,
        seq bigint NOT NULL
      )`);
    // Events already here were folded and published by the code before this change.
    await runner.query(`
      INSERT INTO event_cursor (reader, xid, seq)
      SELECT reader, pg_current_xact_id(), coalesce((SELECT max(seq) FROM customer_event), 0)
      FROM (VALUES ('fold'), ('publish')) AS r(reader)`);
    await runner.query('DROP TABLE customer_daily_activity, customer_category');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE customer_daily_activity (
        customer_id uuid NOT NULL, day date NOT NULL, logins int NOT NULL DEFAULT 0, page_views int NOT NULL DEFAULT 0,
        depth_sum bigint NOT NULL DEFAULT 0, PRIMARY KEY (customer_id, day))`);
    await runner.query(`
      CREATE TABLE customer_category (
        customer_id uuid NOT NULL, category text NOT NULL, order_lines int NOT NULL, quantity bigint NOT NULL,
        PRIMARY KEY (customer_id, category))`);
    await runner.query('DROP TABLE event_cursor');
    await runner.query('DROP INDEX customer_event_log_idx');
    await runner.query('ALTER TABLE customer_event DROP COLUMN traceparent, DROP COLUMN seq, DROP COLUMN xid');
  }
}
