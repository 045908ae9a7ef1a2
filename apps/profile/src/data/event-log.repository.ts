import type { EntityManager } from '@rekindle/platform-database';
import type { CustomerEvent } from '@rekindle/profile-core';

export type StoredEvent = CustomerEvent & { customerId: string };

/** Where a reader of the event log has got to: the (xid, seq) of the last row it handled. */
export interface LogPosition {
  xid: string;
  seq: string;
}

export type LogReader = 'fold' | 'publish';

/**
 * Rows past `$1, $2` that no running transaction can still add to: every transaction below the
 * oldest running one has committed or aborted, so a row committed late with a smaller seq is never
 * passed over. xid8 does not wrap around.
 */
const PAST = `(xid, seq) > ($1::xid8, $2::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot())`;

/**
 * A reader's CTEs: `taken`, up to $3 rows past its cursor ($1, $2) in log order with `columns`, and
 * `last`, the last of them as text (xid, seq) with how many were taken (`taken_count`). Ordered by
 * the columns, never the text: '10' sorts before '9'.
 */
export function takenFromLog(columns: string): string {
  return `taken AS MATERIALIZED (
      SELECT ${columns} FROM customer_event e WHERE ${PAST} ORDER BY e.xid, e.seq LIMIT $3),
    last AS (
      SELECT xid::text AS xid, seq::text AS seq, (SELECT count(*)::int FROM taken) AS taken_count
      FROM taken ORDER BY taken.xid DESC, taken.seq DESC LIMIT 1)`;
}

/**
 * customer_event as an append-only log: ingestion appends to it in the request, and the folder and
 * the publisher each follow it with a cursor of their own (see the FoldEventsInBackground migration).
 */
export class EventLogRepository {
  /** Appends the events not recorded before (idempotent by eventId); returns how many were new. */
  async append(manager: EntityManager, events: readonly StoredEvent[], traceparent: string | undefined): Promise<number> {
    const sorted = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
    const [{ appended }] = await manager.query(
      `WITH appended AS (
         INSERT INTO customer_event (event_id, customer_id, type, occurred_at, data, traceparent)
         SELECT event_id, customer_id, type, occurred_at, data, $6
         FROM ROWS FROM (unnest($1::text[]), unnest($2::uuid[]), unnest($3::text[]), unnest($4::timestamptz[]), json_array_elements($5::json))
           AS x(event_id, customer_id, type, occurred_at, data)
         ON CONFLICT (event_id) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS appended FROM appended`,
      [
        sorted.map((e) => e.eventId),
        sorted.map((e) => e.customerId),
        sorted.map((e) => e.type),
        sorted.map((e) => e.occurredAt),
        // One JSON array rather than a json[] of strings: pg need not escape each one as an array element.
        JSON.stringify(sorted.map((e) => e.data)),
        traceparent ?? null,
      ],
    );
    return appended as number;
  }

  async position(manager: EntityManager, reader: LogReader): Promise<LogPosition> {
    const [row] = await manager.query('SELECT xid::text AS xid, seq::text AS seq FROM event_cursor WHERE reader = $1', [reader]);
    return row as LogPosition;
  }

  async advance(manager: EntityManager, reader: LogReader, to: LogPosition): Promise<void> {
    await manager.query('UPDATE event_cursor SET xid = $2::xid8, seq = $3::bigint WHERE reader = $1', [reader, to.xid, to.seq]);
  }

  async backlog(manager: EntityManager): Promise<Record<LogReader, number>> {
    const rows: { reader: LogReader; pending: number }[] = await manager.query(
      `SELECT c.reader, (SELECT count(*)::int FROM customer_event e WHERE (e.xid, e.seq) > (c.xid, c.seq)) AS pending
       FROM event_cursor c`,
    );
    return Object.fromEntries(rows.map((r) => [r.reader, r.pending])) as Record<LogReader, number>;
  }
}
