import type { EntityManager } from '@rekindle/platform-database';

/**
 * The profile's transaction-scoped advisory locks. Keyed by schema as well, so profiles in other
 * schemas of the same database (tests, previews) never wait for or skip because of each other; the
 * two-key form lives apart from the one-key locks of lockExternalIds.
 *
 * - FOLD serialises every writer of customer_activity and customer_lifecycle (the event folder,
 *   upsertCustomers, the lifecycle job), so a summary or stage is never read by one and overwritten
 *   by another. Cheaper than locking each customer's row.
 * - PUBLISH: one replica publishes the event log at a time, in order.
 * - JOBS: one replica runs the population job at a time.
 */
export const ProfileLock = { FOLD: 1, PUBLISH: 2, JOBS: 3 } as const;
export type ProfileLock = (typeof ProfileLock)[keyof typeof ProfileLock];

export async function lockProfile(manager: EntityManager, lock: ProfileLock): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext(current_schema()), $1)', [lock]);
}

/** lockProfile without waiting: false when another replica holds it. */
export async function tryLockProfile(manager: EntityManager, lock: ProfileLock): Promise<boolean> {
  const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext(current_schema()), $1) AS locked', [lock]);
  return locked as boolean;
}
