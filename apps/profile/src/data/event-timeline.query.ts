import type { EntityManager } from '@rekindle/platform-database';
import type { EventType } from '@rekindle/profile-core';

export interface TimelineEvent {
  customerId: string;
  eventId: string;
  type: EventType;
  occurredAt: Date;
  recordedAt: Date;
  data: Record<string, unknown>;
}

export interface TimelinePage {
  size: number;
  types: string[] | null;
  after: { occurredAt: string; eventId: string } | null;
}

/**
 * Newest-first events of many customers with the same page arguments in one statement: each
 * customer's first `size + 1` rows (the extra one tells that another page follows).
 */
export async function loadTimelines(manager: EntityManager, customerIds: readonly string[], page: TimelinePage): Promise<Map<string, TimelineEvent[]>> {
  const rows: TimelineEvent[] = await manager.query(
    `SELECT e.customer_id AS "customerId", e.event_id AS "eventId", e.type, e.occurred_at AS "occurredAt",
            e.recorded_at AS "recordedAt", e.data
     FROM unnest($1::uuid[]) AS ids(customer_id)
     CROSS JOIN LATERAL (
       SELECT * FROM customer_event e
       WHERE e.customer_id = ids.customer_id
         AND ($2::text[] IS NULL OR e.type = ANY($2::text[]))
         AND ($3::timestamptz IS NULL OR (e.occurred_at, e.event_id) < ($3::timestamptz, $4::text))
       ORDER BY e.occurred_at DESC, e.event_id DESC
       LIMIT $5
     ) e`,
    [customerIds, page.types, page.after?.occurredAt ?? null, page.after?.eventId ?? null, page.size + 1],
  );
  const byCustomer = new Map<string, TimelineEvent[]>();
  for (const row of rows) byCustomer.set(row.customerId, [...(byCustomer.get(row.customerId) ?? []), row]);
  return byCustomer;
}
