import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

/**
 * redeemPoints and adjustPoints keep their keys in the shared idempotent_request (runIdempotent),
 * scoped to the caller and the mutation, no longer in one key space across the ledger: every stored
 * outcome moves there (callers were all anonymous), loyalty_request goes, and a ledger entry's key
 * is no longer unique on its own (a redemption and an adjustment may carry the same one).
 */
export class SharedIdempotencyKeys1765100000000 implements MigrationInterface {
  name = 'SharedIdempotencyKeys1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      INSERT INTO idempotent_request (caller, operation, idempotency_key, request, outcome, created_at)
      SELECT 'anonymous', CASE operation WHEN 'REDEEM' THEN 'redeemPoints' ELSE 'adjustPoints' END, idempotency_key,
        jsonb_build_object('customerId', customer_id, 'points', points, 'reason', reason),
        CASE WHEN entry_id IS NOT NULL THEN jsonb_build_object('ok', true, 'entryId', entry_id, 'balanceAfter', balance_after)
          ELSE jsonb_build_object('ok', false, 'code', error_code, 'message', coalesce(error_message, ''), 'details', coalesce(error_details, '{}'))
        END,
        created_at
      FROM loyalty_request
      WHERE entry_id IS NOT NULL OR error_code IS NOT NULL`);
    await runner.query('DROP TABLE loyalty_request');
    await runner.query('DROP INDEX ledger_entry_idempotency_idx');
    await runner.query('CREATE INDEX ledger_entry_idempotency_idx ON ledger_entry (idempotency_key) WHERE idempotency_key IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ledger_entry_idempotency_idx');
    await runner.query('CREATE UNIQUE INDEX ledger_entry_idempotency_idx ON ledger_entry (idempotency_key) WHERE idempotency_key IS NOT NULL');
    await runner.query(`
      CREATE TABLE loyalty_request (
        idempotency_key text PRIMARY KEY,
        operation text NOT NULL CHECK (operation IN ('REDEEM', 'ADJUST')),
        customer_id uuid NOT NULL,
        points bigint NOT NULL,
        reason text NOT NULL,
        entry_id uuid,
        balance_after bigint,
        error_code text,
        error_message text,
        error_details jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      INSERT INTO loyalty_request (idempotency_key, operation, customer_id, points, reason, entry_id, balance_after,
        error_code, error_message, error_details, created_at)
      SELECT idempotency_key, CASE operation WHEN 'redeemPoints' THEN 'REDEEM' ELSE 'ADJUST' END, (request->>'customerId')::uuid,
        (request->>'points')::bigint, request->>'reason', (outcome->>'entryId')::uuid, (outcome->>'balanceAfter')::bigint,
        outcome->>'code', outcome->>'message', outcome->'details', created_at
      FROM idempotent_request
      WHERE operation IN ('redeemPoints', 'adjustPoints')
      ORDER BY created_at
      ON CONFLICT (idempotency_key) DO NOTHING`);
    await runner.query(`DELETE FROM idempotent_request WHERE operation IN ('redeemPoints', 'adjustPoints')`);
  }
}
