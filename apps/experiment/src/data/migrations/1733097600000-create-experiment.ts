import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

/**
 * Experiments, the sticky exposures and the conversions counted for them.
 *
 * - `experiment.definition` is the validated definition (experiment-core) without its status;
 *   `metric_events` and `conversion_window_hours` repeat what the conversion consumer joins on.
 * - `exposure`: one row per (experiment, customer), written once: the first exposure wins forever.
 * - `conversion`: per (experiment, customer, event) the matching events within the customer's
 *   conversion window and the sum of their amounts, with the customer's variant; every metric is
 *   an expression over these rows, so `Experiment.results` is one aggregate.
 * - `recorded_conversion`: what `recordConversion` accepted, by the client's idempotency key.
 * No foreign keys on the high-volume tables: only the use cases write them, after finding the experiment.
 */
export class CreateExperiment1733097600000 implements MigrationInterface {
  name = 'CreateExperiment1733097600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE experiment (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'RUNNING', 'STOPPED')),
        definition jsonb NOT NULL,
        metric_events text[] NOT NULL,
        conversion_window_hours int NOT NULL CHECK (conversion_window_hours > 0),
        -- sha256 of the definition as created: a retried create compares against it
        creation_fingerprint text NOT NULL,
        version int NOT NULL DEFAULT 1,
        started_at timestamptz,
        stopped_at timestamptz,
        -- millisecond precision, so a JavaScript Date in a keyset cursor is exact
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT experiment_key_key UNIQUE (key)
      )`);
    await runner.query('CREATE INDEX experiment_created_at_id_idx ON experiment (created_at DESC, id DESC)');

    await runner.query(`
      CREATE TABLE exposure (
        experiment_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        variant text NOT NULL,
        exposed_at timestamptz NOT NULL,
        PRIMARY KEY (experiment_id, customer_id)
      )`);
    // Customer.experiments and the conversion consumer look exposures up by customer.
    await runner.query('CREATE INDEX exposure_customer_idx ON exposure (customer_id)');
    // Exposures per variant by an index-only scan.
    await runner.query('CREATE INDEX exposure_variant_idx ON exposure (experiment_id, variant)');

    await runner.query(`
      CREATE TABLE conversion (
        experiment_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        event text NOT NULL,
        variant text NOT NULL,
        events int NOT NULL,
        amount numeric(20, 4) NOT NULL,
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        PRIMARY KEY (experiment_id, customer_id, event)
      )`);

    await runner.query(`
      CREATE TABLE recorded_conversion (
        experiment_id uuid NOT NULL,
        idempotency_key text NOT NULL,
        customer_id uuid NOT NULL,
        event text NOT NULL,
        value numeric(20, 4) NOT NULL,
        occurred_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('COUNTED', 'NOT_EXPOSED', 'OUTSIDE_WINDOW')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (experiment_id, idempotency_key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE recorded_conversion, conversion, exposure, experiment');
  }
}
