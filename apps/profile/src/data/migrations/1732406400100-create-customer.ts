import { createExtension, type MigrationInterface, type QueryRunner } from '@rekindle/platform-database';

export class CreateCustomer1732406400100 implements MigrationInterface {
  name = 'CreateCustomer1732406400100';

  async up(runner: QueryRunner): Promise<void> {
    await createExtension(runner, 'pg_trgm');
    await runner.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY,
        external_id text NOT NULL,
        email text,
        phone text,
        name text,
        birth_date date,
        gender text,
        region text,
        city text,
        signed_up_at timestamptz,
        attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- millisecond precision, so a JavaScript Date in a keyset cursor is exact
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT customer_external_id_key UNIQUE (external_id)
      )`);
    await runner.query('CREATE INDEX customer_created_at_id_idx ON customer (created_at, id)');
    await runner.query('CREATE INDEX customer_email_idx ON customer (email)');
    await runner.query(
      `CREATE INDEX customer_search_trgm_idx ON customer USING gin ((coalesce(name, '') || ' ' || coalesce(email, '')) public.gin_trgm_ops)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE customer');
  }
}
