import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

/**
 * recordConversion keeps its keys in the shared idempotent_request (runIdempotent), scoped to the
 * caller and the mutation: every conversion recorded so far moves there as its request and outcome
 * (callers were all anonymous), and recorded_conversion, which held nothing else, goes. A key used
 * in several experiments keeps its first conversion (a key is no longer one per experiment).
 */
export class SharedIdempotencyKeys1765100000000 implements MigrationInterface {
  name = 'SharedIdempotencyKeys1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      INSERT INTO idempotent_request (caller, operation, idempotency_key, request, outcome, created_at)
      SELECT DISTINCT ON (r.idempotency_key) 'anonymous', 'recordConversion', r.idempotency_key,
        jsonb_build_object('experimentKey', x.key, 'customerId', r.customer_id, 'event', r.event, 'value', trim_scale(r.value)::text,
          'occurredAt', to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
        jsonb_build_object('status', r.status),
        r.recorded_at
      FROM recorded_conversion r JOIN experiment x ON x.id = r.experiment_id
      ORDER BY r.idempotency_key, r.recorded_at`);
    await runner.query('DROP TABLE recorded_conversion');
  }

  async down(runner: QueryRunner): Promise<void> {
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
    await runner.query(`
      INSERT INTO recorded_conversion (experiment_id, idempotency_key, customer_id, event, value, occurred_at, status, recorded_at)
      SELECT x.id, i.idempotency_key, (i.request->>'customerId')::uuid, i.request->>'event', (i.request->>'value')::numeric,
        (i.request->>'occurredAt')::timestamptz, i.outcome->>'status', i.created_at
      FROM idempotent_request i JOIN experiment x ON x.key = i.request->>'experimentKey'
      WHERE i.operation = 'recordConversion'`);
    await runner.query(`DELETE FROM idempotent_request WHERE operation = 'recordConversion'`);
  }
}
