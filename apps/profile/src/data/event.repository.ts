import type { EntityManager } from '@rekindle/platform-database';
import type { CategoryDelta, CustomerEvent, DailyActivityDelta } from '@rekindle/profile-core';

export type StoredEvent = CustomerEvent & { customerId: string };

const json = (rows: unknown[]) => JSON.stringify(rows);

/** Writes a batch of new events and what they add to orders, complaints and daily counts: one statement each. */
export class EventRepository {
  /** Inserts the events not recorded before; returns the ids that are new (the rest are duplicates). */
  async insertNew(manager: EntityManager, events: StoredEvent[]): Promise<Set<string>> {
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO customer_event (event_id, customer_id, type, occurred_at, data)
       SELECT event_id, customer_id, type, occurred_at, data
       FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, customer_id uuid, type text, occurred_at timestamptz, data jsonb)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [json(events.map((e) => ({ event_id: e.eventId, customer_id: e.customerId, type: e.type, occurred_at: e.occurredAt, data: e.data })))],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  async insertOrders(manager: EntityManager, events: StoredEvent[]): Promise<void> {
    const orders = events.flatMap((e) =>
      e.type === 'ORDER_PLACED'
        ? [{ order_id: e.data.orderId, customer_id: e.customerId, placed_at: e.occurredAt, currency: e.data.currency, total: e.data.total }]
        : [],
    );
    if (orders.length === 0) return;
    await manager.query(
      `INSERT INTO customer_order (order_id, customer_id, placed_at, currency, total)
       SELECT order_id, customer_id, placed_at, currency, total
       FROM jsonb_to_recordset($1::jsonb) AS x(order_id text, customer_id uuid, placed_at timestamptz, currency text, total numeric)
       ON CONFLICT (order_id) DO NOTHING`,
      [json(orders)],
    );
  }

  async insertReversals(manager: EntityManager, events: StoredEvent[]): Promise<void> {
    const reversals = events.flatMap((e) =>
      e.type === 'ORDER_CANCELLED' || e.type === 'ORDER_REFUNDED'
        ? [
            {
              event_id: e.eventId,
              order_id: e.data.orderId,
              customer_id: e.customerId,
              kind: e.type === 'ORDER_CANCELLED' ? 'CANCELLED' : 'REFUNDED',
              amount: e.data.amount,
              occurred_at: e.occurredAt,
            },
          ]
        : [],
    );
    if (reversals.length === 0) return;
    await manager.query(
      `INSERT INTO order_reversal (event_id, order_id, customer_id, kind, amount, occurred_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(event_id text, order_id text, customer_id uuid, kind text, amount numeric, occurred_at timestamptz)
       ON CONFLICT (event_id) DO NOTHING`,
      [json(reversals)],
    );
  }

  /** Opening sets opened_at, resolving sets resolved_at, whichever arrives first. */
  async recordComplaints(manager: EntityManager, events: StoredEvent[]): Promise<void> {
    const complaints = events.flatMap((e) =>
      e.type === 'COMPLAINT_OPENED' || e.type === 'COMPLAINT_RESOLVED'
        ? [{ ticket_id: e.data.ticketId, customer_id: e.customerId, opened: e.type === 'COMPLAINT_OPENED', at: e.occurredAt }]
        : [],
    );
    if (complaints.length === 0) return;
    await manager.query(
      `INSERT INTO customer_complaint AS c (ticket_id, customer_id, opened_at, resolved_at)
       SELECT ticket_id, (array_agg(customer_id))[1],
              min(at) FILTER (WHERE opened), max(at) FILTER (WHERE NOT opened)
       FROM jsonb_to_recordset($1::jsonb) AS x(ticket_id text, customer_id uuid, opened boolean, at timestamptz)
       GROUP BY ticket_id
       ON CONFLICT (ticket_id) DO UPDATE SET
         opened_at = coalesce(c.opened_at, excluded.opened_at),
         resolved_at = coalesce(c.resolved_at, excluded.resolved_at)`,
      [json(complaints)],
    );
  }

  async addDailyActivity(manager: EntityManager, deltas: (DailyActivityDelta & { customerId: string })[]): Promise<void> {
    if (deltas.length === 0) return;
    await manager.query(
      `INSERT INTO customer_daily_activity AS d (customer_id, day, logins, page_views, depth_sum)
       SELECT customer_id, day, logins, page_views, depth_sum
       FROM jsonb_to_recordset($1::jsonb) AS x(customer_id uuid, day date, logins int, page_views int, depth_sum bigint)
       ON CONFLICT (customer_id, day) DO UPDATE SET
         logins = d.logins + excluded.logins,
         page_views = d.page_views + excluded.page_views,
         depth_sum = d.depth_sum + excluded.depth_sum`,
      [json(deltas.map((d) => ({ customer_id: d.customerId, day: d.day, logins: d.logins, page_views: d.pageViews, depth_sum: d.depthSum })))],
    );
  }

  async addCategories(manager: EntityManager, deltas: (CategoryDelta & { customerId: string })[]): Promise<void> {
    if (deltas.length === 0) return;
    await manager.query(
      `INSERT INTO customer_category AS c (customer_id, category, order_lines, quantity)
       SELECT customer_id, category, order_lines, quantity
       FROM jsonb_to_recordset($1::jsonb) AS x(customer_id uuid, category text, order_lines int, quantity bigint)
       ON CONFLICT (customer_id, category) DO UPDATE SET
         order_lines = c.order_lines + excluded.order_lines,
         quantity = c.quantity + excluded.quantity`,
      [json(deltas.map((d) => ({ customer_id: d.customerId, category: d.category, order_lines: d.orderLines, quantity: d.quantity })))],
    );
  }
}
