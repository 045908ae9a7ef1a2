import type { EntityManager } from '@rekindle/platform-database';

export type SpendOperation = 'REDEEM' | 'ADJUST';

export interface RequestInput {
  idempotencyKey: string;
  operation: SpendOperation;
  customerId: string;
  points: number;
  reason: string;
}

/** The first outcome of a request: the entry it wrote, or the error it got. */
export type RequestOutcome =
  | { ok: true; entryId: string; balanceAfter: number }
  | { ok: false; code: string; message: string; details: Record<string, unknown> };

export interface StoredRequest extends RequestInput {
  outcome: RequestOutcome | null;
}

interface RequestRow {
  idempotency_key: string;
  operation: SpendOperation;
  customer_id: string;
  points: string;
  reason: string;
  entry_id: string | null;
  balance_after: string | null;
  error_code: string | null;
  error_message: string | null;
  error_details: Record<string, unknown> | null;
}

/** redeemPoints and adjustPoints by idempotency key: a retry with the same key gets the first outcome. */
export class RequestRepository {
  /**
   * Claims the key for this transaction; false when it was claimed before. A concurrent call with
   * the same key waits here until the first commits (or rolls back, and then claims it itself).
   */
  async claim(manager: EntityManager, input: RequestInput): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO loyalty_request (idempotency_key, operation, customer_id, points, reason) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [input.idempotencyKey, input.operation, input.customerId, input.points, input.reason],
    );
    return rows.length > 0;
  }

  async find(manager: EntityManager, idempotencyKey: string): Promise<StoredRequest | null> {
    const rows: RequestRow[] = await manager.query('SELECT * FROM loyalty_request WHERE idempotency_key = $1', [idempotencyKey]);
    const row = rows[0];
    if (!row) return null;
    let outcome: RequestOutcome | null = null;
    if (row.entry_id !== null) outcome = { ok: true, entryId: row.entry_id, balanceAfter: Number(row.balance_after) };
    else if (row.error_code !== null) outcome = { ok: false, code: row.error_code, message: row.error_message ?? '', details: row.error_details ?? {} };
    return {
      idempotencyKey: row.idempotency_key,
      operation: row.operation,
      customerId: row.customer_id,
      points: Number(row.points),
      reason: row.reason,
      outcome,
    };
  }

  async complete(manager: EntityManager, idempotencyKey: string, outcome: RequestOutcome): Promise<void> {
    if (outcome.ok) {
      await manager.query('UPDATE loyalty_request SET entry_id = $2, balance_after = $3 WHERE idempotency_key = $1', [
        idempotencyKey,
        outcome.entryId,
        outcome.balanceAfter,
      ]);
    } else {
      await manager.query('UPDATE loyalty_request SET error_code = $2, error_message = $3, error_details = $4::jsonb WHERE idempotency_key = $1', [
        idempotencyKey,
        outcome.code,
        outcome.message,
        JSON.stringify(outcome.details),
      ]);
    }
  }
}
