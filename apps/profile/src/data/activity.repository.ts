import type { EntityManager } from '@rekindle/platform-database';
import type { LifecycleStage } from '@rekindle/profile-core';

/** A customer's activity summary with the facts its lifecycle stage is decided from. */
export interface ActivityState {
  customerId: string;
  firstActiveAt: Date | null;
  lastActiveAt: Date | null;
  lastLoginAt: Date | null;
  lastOrderAt: Date | null;
  reactivatedAt: Date | null;
  shares: number;
  socialInteractions: number;
  signedUpAt: Date | null;
  firstSeenAt: Date;
  stage: LifecycleStage | null;
}

interface ActivityRow {
  id: string;
  signed_up_at: Date | null;
  created_at: Date;
  first_active_at: Date | null;
  last_active_at: Date | null;
  last_login_at: Date | null;
  last_order_at: Date | null;
  reactivated_at: Date | null;
  shares: number | null;
  social_interactions: number | null;
  stage: LifecycleStage | null;
}

export class ActivityRepository {
  /** Loads the customers' summaries and stages; the caller holds the FOLD lock (profile-locks.ts), so nobody else writes them. */
  async load(manager: EntityManager, customerIds: string[]): Promise<ActivityState[]> {
    const rows: ActivityRow[] = await manager.query(
      `SELECT c.id, c.signed_up_at, c.created_at, a.first_active_at, a.last_active_at, a.last_login_at, a.last_order_at,
              a.reactivated_at, a.shares, a.social_interactions, l.stage
       FROM unnest($1::uuid[]) AS k(id)
       JOIN customer c ON c.id = k.id
       LEFT JOIN customer_activity a ON a.customer_id = c.id
       LEFT JOIN customer_lifecycle l ON l.customer_id = c.id
       ORDER BY c.id`,
      [customerIds],
    );
    return rows.map((r) => ({
      customerId: r.id,
      firstActiveAt: r.first_active_at,
      lastActiveAt: r.last_active_at,
      lastLoginAt: r.last_login_at,
      lastOrderAt: r.last_order_at,
      reactivatedAt: r.reactivated_at,
      shares: r.shares ?? 0,
      socialInteractions: r.social_interactions ?? 0,
      signedUpAt: r.signed_up_at,
      firstSeenAt: r.created_at,
      stage: r.stage,
    }));
  }

  async save(manager: EntityManager, states: ActivityState[]): Promise<void> {
    if (states.length === 0) return;
    await manager.query(
      `INSERT INTO customer_activity AS a (customer_id, first_active_at, last_active_at, last_login_at, last_order_at,
                                           reactivated_at, shares, social_interactions)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(customer_id uuid, first_active_at timestamptz, last_active_at timestamptz,
         last_login_at timestamptz, last_order_at timestamptz, reactivated_at timestamptz, shares int, social_interactions int)
       ON CONFLICT (customer_id) DO UPDATE SET
         first_active_at = excluded.first_active_at, last_active_at = excluded.last_active_at,
         last_login_at = excluded.last_login_at, last_order_at = excluded.last_order_at,
         reactivated_at = excluded.reactivated_at, shares = excluded.shares, social_interactions = excluded.social_interactions`,
      [
        JSON.stringify(
          states.map((s) => ({
            customer_id: s.customerId,
            first_active_at: s.firstActiveAt,
            last_active_at: s.lastActiveAt,
            last_login_at: s.lastLoginAt,
            last_order_at: s.lastOrderAt,
            reactivated_at: s.reactivatedAt,
            shares: s.shares,
            social_interactions: s.socialInteractions,
          })),
        ),
      ],
    );
  }
}
