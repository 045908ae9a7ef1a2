import type { EntityManager } from '@rekindle/platform-database';
import { daysInactiveSql, lifecycleStageSql, type LifecycleStage, type LifecycleThresholds, type StageChange } from '@rekindle/profile-core';
import { takenFromLog, type LogPosition } from './event-log.repository';

/** The event types whose data the fold writes to tables of their own (orders, reversals, complaints). */
const FOLDED_TYPES = ['ORDER_PLACED', 'ORDER_CANCELLED', 'ORDER_REFUNDED', 'COMPLAINT_OPENED', 'COMPLAINT_RESOLVED'].map((t) => `'${t}'`).join(', ');

const elapsedDays = (from: string, to: string) => `floor((extract(epoch from ${to}) - extract(epoch from ${from})) / 86400)`;

/**
 * One fold of the event log as one statement, so no event and no customer's state travels to Node
 * and back: up to $3 rows past the cursor ($1, $2) become orders, reversals and complaints, each
 * customer's activity summary (summariseActivity and recordActivity, written in SQL: the
 * activity-fold int-spec holds the two to the same results) and lifecycle stage at $4. Returns the
 * last row taken, how many, and the stage changes (none: one row with null customer_id).
 */
function foldSql(thresholds: LifecycleThresholds): string {
  const stage = lifecycleStageSql(
    {
      now: '$4::timestamptz',
      lastActivityAt: 'last_active_at',
      firstActivityAt: 'first_active_at',
      signedUpAt: 'signed_up_at',
      firstSeenAt: 'created_at',
      reactivatedAt: 'reactivated_at',
    },
    thresholds,
  );
  const days = daysInactiveSql({ now: '$4::timestamptz', lastActivityAt: 'last_active_at', signedUpAt: 'signed_up_at', firstSeenAt: 'created_at' });
  return `
    WITH ${takenFromLog(`xid, seq, event_id, customer_id, type, occurred_at, CASE WHEN type IN (${FOLDED_TYPES}) THEN data::jsonb END AS data`)},
    orders AS (
      INSERT INTO customer_order (order_id, customer_id, placed_at, currency, total)
      SELECT data->>'orderId', customer_id, occurred_at, data->>'currency', (data->>'total')::numeric
      FROM taken WHERE type = 'ORDER_PLACED'
      ON CONFLICT (order_id) DO NOTHING),
    reversals AS (
      INSERT INTO order_reversal (event_id, order_id, customer_id, kind, amount, occurred_at)
      SELECT event_id, data->>'orderId', customer_id, CASE type WHEN 'ORDER_CANCELLED' THEN 'CANCELLED' ELSE 'REFUNDED' END,
             (data->>'amount')::numeric, occurred_at
      FROM taken WHERE type IN ('ORDER_CANCELLED', 'ORDER_REFUNDED')
      ON CONFLICT (event_id) DO NOTHING),
    -- Opening sets opened_at, resolving sets resolved_at, whichever arrives first.
    complaints AS (
      INSERT INTO customer_complaint AS c (ticket_id, customer_id, opened_at, resolved_at)
      SELECT data->>'ticketId', (array_agg(customer_id))[1],
             min(occurred_at) FILTER (WHERE type = 'COMPLAINT_OPENED'), max(occurred_at) FILTER (WHERE type = 'COMPLAINT_RESOLVED')
      FROM taken WHERE type IN ('COMPLAINT_OPENED', 'COMPLAINT_RESOLVED')
      GROUP BY data->>'ticketId'
      ON CONFLICT (ticket_id) DO UPDATE SET
        opened_at = coalesce(c.opened_at, excluded.opened_at),
        resolved_at = coalesce(c.resolved_at, excluded.resolved_at)),
    stored AS MATERIALIZED (
      SELECT c.id AS customer_id, c.signed_up_at, c.created_at, l.stage,
             a.first_active_at, a.last_active_at, a.last_login_at, a.last_order_at, a.reactivated_at,
             coalesce(a.shares, 0) AS shares, coalesce(a.social_interactions, 0) AS social_interactions
      FROM (SELECT DISTINCT customer_id FROM taken) k
      JOIN customer c ON c.id = k.customer_id
      LEFT JOIN customer_activity a ON a.customer_id = c.id
      LEFT JOIN customer_lifecycle l ON l.customer_id = c.id),
    -- Each event with the latest activity before it, stored or earlier in this run (recordActivity's walk in time order).
    stepped AS (
      SELECT t.customer_id, t.type, t.occurred_at AS at,
             GREATEST(s.last_active_at, max(t.occurred_at) OVER (
               PARTITION BY t.customer_id ORDER BY t.occurred_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) AS before
      FROM taken t JOIN stored s ON s.customer_id = t.customer_id),
    deltas AS (
      SELECT customer_id, min(at) AS first_at, max(at) AS last_at,
             max(at) FILTER (WHERE type = 'LOGIN') AS last_login,
             max(at) FILTER (WHERE type = 'ORDER_PLACED') AS last_order,
             count(*) FILTER (WHERE type = 'CONTENT_SHARED')::int AS shares,
             count(*) FILTER (WHERE type = 'SOCIAL_INTERACTION')::int AS social_interactions,
             max(at) FILTER (WHERE at > before AND ${elapsedDays('before', 'at')} >= $5) AS reactivated
      FROM stepped GROUP BY customer_id),
    summary AS (
      SELECT s.customer_id, s.signed_up_at, s.created_at, s.stage AS current_stage,
             LEAST(s.first_active_at, d.first_at) AS first_active_at,
             GREATEST(s.last_active_at, d.last_at) AS last_active_at,
             GREATEST(s.last_login_at, d.last_login) AS last_login_at,
             GREATEST(s.last_order_at, d.last_order) AS last_order_at,
             COALESCE(d.reactivated, s.reactivated_at) AS reactivated_at,
             s.shares + d.shares AS shares, s.social_interactions + d.social_interactions AS social_interactions
      FROM deltas d JOIN stored s USING (customer_id)),
    saved AS (
      INSERT INTO customer_activity AS a (customer_id, first_active_at, last_active_at, last_login_at, last_order_at,
                                          reactivated_at, shares, social_interactions)
      SELECT customer_id, first_active_at, last_active_at, last_login_at, last_order_at, reactivated_at, shares, social_interactions
      FROM summary
      ON CONFLICT (customer_id) DO UPDATE SET
        first_active_at = excluded.first_active_at, last_active_at = excluded.last_active_at,
        last_login_at = excluded.last_login_at, last_order_at = excluded.last_order_at,
        reactivated_at = excluded.reactivated_at, shares = excluded.shares, social_interactions = excluded.social_interactions),
    changes AS MATERIALIZED (
      SELECT customer_id, current_stage, ${stage} AS stage, ${days}::int AS days_inactive
      FROM summary),
    moved AS (
      INSERT INTO customer_lifecycle AS l (customer_id, stage, since, previous_stage)
      SELECT customer_id, stage, $4::timestamptz, current_stage FROM changes WHERE stage IS DISTINCT FROM current_stage
      ON CONFLICT (customer_id) DO UPDATE SET stage = excluded.stage, since = excluded.since, previous_stage = excluded.previous_stage)
    SELECT last.xid, last.seq, last.taken_count AS events, c.customer_id, c.current_stage, c.stage, c.days_inactive
    FROM last LEFT JOIN changes c ON c.stage IS DISTINCT FROM c.current_stage`;
}

export interface FoldResult {
  /** The last row folded: where the fold cursor moves to. */
  last: LogPosition;
  events: number;
  changes: StageChange[];
}

export class EventFoldQuery {
  private readonly sql: string;

  constructor(private readonly thresholds: LifecycleThresholds) {
    this.sql = foldSql(thresholds);
  }

  /** Folds up to `limit` events past `after` as of `now`; null when none is there to fold. */
  async foldNext(manager: EntityManager, after: LogPosition, limit: number, now: Date): Promise<FoldResult | null> {
    const rows: {
      xid: string;
      seq: string;
      events: number;
      customer_id: string | null;
      current_stage: LifecycleStage | null;
      stage: LifecycleStage;
      days_inactive: number;
    }[] = await manager.query(this.sql, [after.xid, after.seq, limit, now, this.thresholds.reactivationGapDays]);
    const [first] = rows;
    if (!first) return null;
    const changes = rows.flatMap((r) =>
      r.customer_id === null ? [] : [{ customerId: r.customer_id, from: r.current_stage, to: r.stage, daysInactive: r.days_inactive, at: now }],
    );
    return { last: { xid: first.xid, seq: first.seq }, events: first.events, changes };
  }
}
