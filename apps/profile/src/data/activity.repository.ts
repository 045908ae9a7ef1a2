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

/** Times travel as epoch milliseconds (float8): far cheaper than timestamp text for thousands of rows. */
interface ActivityRow {
  id: string;
  signed_up_ms: number | null;
  created_ms: number;
  first_active_ms: number | null;
  last_active_ms: number | null;
  last_login_ms: number | null;
  last_order_ms: number | null;
  reactivated_ms: number | null;
  shares: number | null;
  social_interactions: number | null;
  stage: LifecycleStage | null;
}

const ms = (column: string, as: string) => `extract(epoch FROM ${column})::float8 * 1000 AS ${as}`;
const date = (value: number | null) => (value === null ? null : new Date(value));

export class ActivityRepository {
  /** Loads the customers' summaries and stages; the caller holds the FOLD lock (profile-locks.ts), so nobody else writes them. */
  async load(manager: EntityManager, customerIds: string[]): Promise<ActivityState[]> {
    const rows: ActivityRow[] = await manager.query(
      `SELECT c.id, ${ms('c.signed_up_at', 'signed_up_ms')}, ${ms('c.created_at', 'created_ms')},
              ${ms('a.first_active_at', 'first_active_ms')}, ${ms('a.last_active_at', 'last_active_ms')},
              ${ms('a.last_login_at', 'last_login_ms')}, ${ms('a.last_order_at', 'last_order_ms')},
              ${ms('a.reactivated_at', 'reactivated_ms')}, a.shares, a.social_interactions, l.stage
       FROM unnest($1::uuid[]) AS k(id)
       JOIN customer c ON c.id = k.id
       LEFT JOIN customer_activity a ON a.customer_id = c.id
       LEFT JOIN customer_lifecycle l ON l.customer_id = c.id
       ORDER BY c.id`,
      [customerIds],
    );
    return rows.map((r) => ({
      customerId: r.id,
      firstActiveAt: date(r.first_active_ms),
      lastActiveAt: date(r.last_active_ms),
      lastLoginAt: date(r.last_login_ms),
      lastOrderAt: date(r.last_order_ms),
      reactivatedAt: date(r.reactivated_ms),
      shares: r.shares ?? 0,
      socialInteractions: r.social_interactions ?? 0,
      signedUpAt: date(r.signed_up_ms),
      firstSeenAt: new Date(r.created_ms),
      stage: r.stage,
    }));
  }
}
