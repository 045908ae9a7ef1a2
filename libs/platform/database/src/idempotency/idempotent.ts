import { isDeepStrictEqual } from 'node:util';
import type { DataSource, EntityManager } from 'typeorm';
import { currentCaller } from '@rekindle/platform-logger';
import { ConflictError } from '@rekindle/util';
import { inTransaction } from '../transaction';

/** The longest idempotency key a client may choose. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export interface IdempotentRequest<R> {
  /** The mutation, e.g. `redeemPoints`: a key belongs to its caller within one operation. */
  operation: string;
  /** The key the client chose for this request. */
  key: string;
  /** What was asked, as JSON: a retry under the key must ask the same. */
  request: R;
  /** Whether a retry asks the same as the first call; JSON equality unless a field may differ (one a retry may omit). */
  sameRequest?: (first: R, retry: R) => boolean;
}

export interface IdempotentOutcome<T> {
  /** What the first call's work returned, as JSON. */
  outcome: T;
  /** True when the key had been used before: this is the first call's outcome and nothing ran now. */
  replayed: boolean;
}

interface StoredRequest {
  request: unknown;
  outcome: unknown;
}

const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Runs a partner's mutation once per (caller, operation, key), in one transaction with the record of
 * its outcome. The first call claims the key, runs `work` and stores what it returns (a result or a
 * refusal worth answering again, as plain JSON); a retry asking the same gets that outcome back
 * (`replayed`) and nothing runs; the key with another request is CONFLICT (`reason`
 * IDEMPOTENCY_KEY_REUSED, `field` idempotencyKey). A concurrent retry waits for the first call to
 * commit, or to roll back and leave the key to it. `work` throwing rolls back the claim as well: an
 * error is no outcome, and the same key may be tried again. The caller is the request context's
 * (`anonymous` until callers authenticate).
 */
export async function runIdempotent<R, T>(
  dataSource: DataSource,
  request: IdempotentRequest<R>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  const scope = [currentCaller(), request.operation, request.key];
  return inTransaction(dataSource, async (manager) => {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotent_request (caller, operation, idempotency_key, request) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [...scope, JSON.stringify(request.request)],
    );
    if (claimed.length === 0) return { outcome: await replay(manager, scope, request), replayed: true };
    const outcome = asJson(await work(manager));
    await manager.query('UPDATE idempotent_request SET outcome = $4::jsonb WHERE caller = $1 AND operation = $2 AND idempotency_key = $3', [
      ...scope,
      JSON.stringify(outcome),
    ]);
    return { outcome, replayed: false };
  });
}

async function replay<R, T>(manager: EntityManager, scope: string[], request: IdempotentRequest<R>): Promise<T> {
  const [stored]: StoredRequest[] = await manager.query(
    'SELECT request, outcome FROM idempotent_request WHERE caller = $1 AND operation = $2 AND idempotency_key = $3',
    scope,
  );
  if (!stored) throw new Error(`idempotency key ${request.key} of ${request.operation} was claimed but is not stored`);
  const same = request.sameRequest ?? ((first: R, retry: R) => isDeepStrictEqual(first, retry));
  if (!same(stored.request as R, asJson(request.request))) {
    throw new ConflictError('idempotencyKey was already used for a different request', { field: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED' });
  }
  return stored.outcome as T;
}
