import type { EntityManager } from '@rekindle/platform-database';
import { daysInactiveSql, lifecycleStageSql, type LifecycleStage, type LifecycleThresholds, type StageChange } from '@rekindle/profile-core';

const columns = {
  now: '$1::timestamptz',
  lastActivityAt: 'a.last_active_at',
  firstActivityAt: 'a.first_active_at',
  signedUpAt: 'c.signed_up_at',
  firstSeenAt: 'c.created_at',
  reactivatedAt: 'a.reactivated_at',
};

/** The daily move of customers whose stage changed by time alone: one statement over the population. */
export class LifecycleJobRepository {
  async moveByTime(manager: EntityManager, now: Date, thresholds: LifecycleThresholds): Promise<StageChange[]> {
    const rows: { customerId: string; from: LifecycleStage | null; to: LifecycleStage; daysInactive: number }[] = await manager.query(
      `WITH computed AS (
         SELECT c.id AS customer_id, l.stage AS current_stage,
           ${lifecycleStageSql(columns, thresholds)} AS stage,
           ${daysInactiveSql(columns)}::int AS days_inactive
         FROM customer c
         LEFT JOIN customer_activity a ON a.customer_id = c.id
         LEFT JOIN customer_lifecycle l ON l.customer_id = c.id),
       changed AS (SELECT * FROM computed WHERE current_stage IS DISTINCT FROM stage),
       saved AS (
         INSERT INTO customer_lifecycle AS l (customer_id, stage, since, previous_stage)
         SELECT customer_id, stage, $1, current_stage FROM changed
         ON CONFLICT (customer_id) DO UPDATE SET stage = excluded.stage, since = excluded.since, previous_stage = excluded.previous_stage)
       SELECT customer_id AS "customerId", current_stage AS "from", stage AS "to", days_inactive AS "daysInactive" FROM changed`,
      [now],
    );
    return rows.map((r) => ({ ...r, at: now }));
  }
}
