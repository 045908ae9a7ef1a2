import type { EntityManager } from '@rekindle/platform-database';

/** Two-key advisory locks live apart from the one-key ones that lockExternalIds and the job lock take. */
const FOLD_LOCK: [number, number] = [7305863, 1];

/**
 * Serialises every writer of customer_activity and customer_lifecycle (the event folder,
 * upsertCustomers and the lifecycle job) for the rest of the transaction, so a summary or stage is
 * never read by one and overwritten by another. Cheaper than locking each customer's row.
 */
export async function lockFold(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, $2)', FOLD_LOCK);
}

/** lockFold without waiting: false when another replica is folding. */
export async function tryLockFold(manager: EntityManager): Promise<boolean> {
  const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1, $2) AS locked', FOLD_LOCK);
  return locked as boolean;
}
