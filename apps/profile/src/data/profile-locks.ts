/**
 * The names of the profile's transaction-scoped advisory locks (platform-database's one scheme keys
 * them by schema, so profiles in other schemas of the same database never wait for each other):
 *
 * - FOLD serialises every writer of customer_activity and customer_lifecycle (the event folder,
 *   upsertCustomers, the lifecycle job), so a summary or stage is never read by one and overwritten
 *   by another. Cheaper than locking each customer's row.
 * - PUBLISH: one replica publishes the event log at a time, in order.
 */
export const ProfileLock = { FOLD: 'profile-fold', PUBLISH: 'profile-publish' } as const;
