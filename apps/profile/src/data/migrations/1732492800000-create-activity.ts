import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

/**
 * Events, orders and the per-customer summaries kept as events arrive. No foreign keys on the
 * high-volume tables: rows are only written by the ingestion use case, which resolves customers
 * first, and a key check per row would cost ingestion dearly (apps/profile/README.md).
 */
export class CreateActivity1732492800000 implements MigrationInterface {
  name = 'CreateActivity1732492800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE customer_event (
        event_id text PRIMARY KEY,
        customer_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        data jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX customer_event_timeline_idx ON customer_event (customer_id, occurred_at DESC, event_id DESC)');

    await runner.query(`
      CREATE TABLE customer_order (
        order_id text PRIMARY KEY,
        customer_id uuid NOT NULL,
        placed_at timestamptz NOT NULL,
        currency char(3) NOT NULL,
        total numeric(18, 4) NOT NULL
      )`);
    await runner.query('CREATE INDEX customer_order_customer_idx ON customer_order (customer_id, placed_at)');
    await runner.query(`
      CREATE TABLE order_reversal (
        event_id text PRIMARY KEY,
        order_id text NOT NULL,
        customer_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CANCELLED', 'REFUNDED')),
        amount numeric(18, 4) NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX order_reversal_customer_idx ON order_reversal (customer_id, occurred_at)');

    await runner.query(`
      CREATE TABLE customer_daily_activity (
        customer_id uuid NOT NULL,
        day date NOT NULL,
        logins int NOT NULL DEFAULT 0,
        page_views int NOT NULL DEFAULT 0,
        depth_sum bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (customer_id, day)
      )`);
    await runner.query(`
      CREATE TABLE customer_category (
        customer_id uuid NOT NULL,
        category text NOT NULL,
        order_lines int NOT NULL,
        quantity bigint NOT NULL,
        PRIMARY KEY (customer_id, category)
      )`);
    await runner.query(`
      CREATE TABLE customer_complaint (
        ticket_id text PRIMARY KEY,
        customer_id uuid NOT NULL,
        opened_at timestamptz,
        resolved_at timestamptz
      )`);
    await runner.query('CREATE INDEX customer_complaint_open_idx ON customer_complaint (customer_id) WHERE resolved_at IS NULL');

    await runner.query(`
      CREATE TABLE customer_activity (
        customer_id uuid PRIMARY KEY,
        first_active_at timestamptz,
        last_active_at timestamptz,
        last_login_at timestamptz,
        last_order_at timestamptz,
        reactivated_at timestamptz,
        shares int NOT NULL DEFAULT 0,
        social_interactions int NOT NULL DEFAULT 0
      )`);
    await runner.query('CREATE INDEX customer_activity_last_active_idx ON customer_activity (last_active_at)');

    await runner.query(`
      CREATE TABLE customer_lifecycle (
        customer_id uuid PRIMARY KEY,
        stage text NOT NULL,
        since timestamptz NOT NULL,
        previous_stage text
      )`);
    await runner.query('CREATE INDEX customer_lifecycle_stage_idx ON customer_lifecycle (stage)');

    await runner.query(`
      CREATE TABLE customer_rfm (
        customer_id uuid PRIMARY KEY,
        recency_days int NOT NULL,
        frequency int NOT NULL,
        monetary numeric(18, 4) NOT NULL,
        r smallint NOT NULL,
        f smallint NOT NULL,
        m smallint NOT NULL,
        segment text NOT NULL,
        window_days int NOT NULL,
        scored_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX customer_rfm_segment_idx ON customer_rfm (segment)');

    await runner.query(`
      CREATE TABLE customer_consent (
        customer_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH')),
        granted boolean NOT NULL,
        source text NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (customer_id, channel)
      )`);
    await runner.query(`
      CREATE TABLE consent_history (
        id bigserial PRIMARY KEY,
        customer_id uuid NOT NULL,
        channel text NOT NULL,
        granted boolean NOT NULL,
        source text NOT NULL,
        changed_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Unique, so a repeated consent change is recorded once.
    await runner.query('CREATE UNIQUE INDEX consent_history_change_idx ON consent_history (customer_id, channel, changed_at, granted)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE consent_history, customer_consent, customer_rfm, customer_lifecycle, customer_activity,
      customer_complaint, customer_category, customer_daily_activity, order_reversal, customer_order, customer_event`);
  }
}
