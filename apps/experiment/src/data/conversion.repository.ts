import type { EntityManager } from '@rekindle/platform-database';

export interface ConversionEvent {
  customerId: string;
  /** The metric events this one event is: e.g. ['LOGIN', 'ANY_ACTIVITY']. */
  events: readonly string[];
  /** Its amount as a decimal string ('0' when it has none). */
  amount: string;
  occurredAt: Date;
  /** Only this experiment (recordConversion); every experiment the customer is exposed to when absent. */
  experimentId?: string;
}

/**
 * Conversions per (experiment, customer, event): how many matching events fell within the customer's
 * conversion window, the sum of their amounts, and the customer's variant (so the results aggregate
 * never joins the exposures for its sums).
 */
export class ConversionRepository {
  /**
   * Counts one event for every experiment the customer was exposed to whose metrics count one of
   * `events`, when it happened in [exposed_at, exposed_at + conversion window). One statement;
   * returns how many (experiment, event) rows it counted in.
   */
  async countEvent(manager: EntityManager, event: ConversionEvent): Promise<number> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO conversion AS c (experiment_id, customer_id, event, variant, events, amount, first_at, last_at)
       SELECT e.experiment_id, e.customer_id, m.event, e.variant, 1, $3::numeric, $4, $4
       FROM exposure e
       JOIN experiment x ON x.id = e.experiment_id
       CROSS JOIN LATERAL unnest(x.metric_events) AS m(event)
       WHERE e.customer_id = $1
         AND m.event = ANY($2::text[])
         AND ($5::uuid IS NULL OR e.experiment_id = $5::uuid)
         AND $4::timestamptz >= e.exposed_at
         AND $4::timestamptz < e.exposed_at + make_interval(hours => x.conversion_window_hours)
       ORDER BY e.experiment_id, m.event -- one lock order for every writer: waits, never deadlocks
       ON CONFLICT (experiment_id, customer_id, event) DO UPDATE
         SET events = c.events + 1,
             amount = c.amount + excluded.amount,
             first_at = least(c.first_at, excluded.first_at),
             last_at = greatest(c.last_at, excluded.last_at)
       RETURNING 1`,
      [event.customerId, event.events, event.amount, event.occurredAt, event.experimentId ?? null],
    );
    return rows.length;
  }
}
