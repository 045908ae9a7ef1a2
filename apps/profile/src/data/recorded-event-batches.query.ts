import type { EntityManager } from '@rekindle/platform-database';
import { MAX_EVENTS_PER_MESSAGE, MAX_MESSAGE_BYTES } from '@rekindle/platform-messaging';
import { takenFromLog, type LogPosition } from './event-log.repository';

/** What each recorded event announces: activity.recorded always, and an order event for the order types. */
export type AnnouncementKind = 'activity' | 'ORDER_PLACED' | 'ORDER_CANCELLED' | 'ORDER_REFUNDED';

/** The CloudEvents type and source of each kind, from the contracts. */
export type AnnouncementTypes = Record<AnnouncementKind, string> & { source: string };

/** One message: a CloudEvents JSON batch of one kind's events, in log order. */
export interface RecordedEventBatch {
  kind: AnnouncementKind;
  payload: string;
  events: number;
  firstEventId: string;
  lastEventId: string;
}

export interface RecordedEventBatches {
  /** The last row read: where the publish cursor moves once every batch is stored. */
  last: LogPosition;
  /** Rows read. */
  events: number;
  batches: RecordedEventBatch[];
}


const envelope = (id: string, type: string, data: string) =>
  `'{"specversion":"1.0","id":"' || ${id} || '","source":' || $4::text || ',"type":' || ${type} ||
   ',"subject":"' || customer_id || '","time":"' || at || '","datacontenttype":"application/json"' ||
   coalesce(',"traceparent":' || to_json(traceparent)::text, '') || ',"data":' || ${data} || '}'`;

/**
 * The publisher's read, as one statement: up to $3 rows past the cursor ($1, $2) become the JSON
 * of every CloudEvent they announce (the activity's data is the stored data as it is), packed into
 * batches per kind of at most 500 events and about 200 KB, in log order. Written by PostgreSQL, so
 * no event travels to Node one by one; define-event's envelope is the shape, and the publishing
 * int-specs parse every kind against its contract.
 */
const SQL = `
  WITH ${takenFromLog(`xid, seq, event_id, customer_id, type, data, traceparent,
           to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
           row_number() OVER (ORDER BY e.xid, e.seq) AS n`)},
  envelopes AS (
    SELECT n, event_id, 'activity' AS kind,
           ${envelope(
             "stable_uuid('activity:' || event_id)",
             '$5::text',
             `'{"customerId":"' || customer_id || '","eventId":' || to_json(event_id)::text || ',"activityType":"' || type ||
              '","occurredAt":"' || at || '","data":' || data::text || '}'`,
           )} AS json
    FROM taken
    UNION ALL
    SELECT n, event_id, type AS kind,
           ${envelope(
             "stable_uuid('order:' || event_id)",
             "CASE type WHEN 'ORDER_PLACED' THEN $6::text WHEN 'ORDER_CANCELLED' THEN $7::text ELSE $8::text END",
             `CASE type WHEN 'ORDER_PLACED'
                THEN jsonb_build_object('customerId', customer_id, 'orderId', d->'orderId', 'placedAt', at,
                                        'currency', d->'currency', 'total', d->'total', 'lines', d->'lines')
                ELSE jsonb_build_object('customerId', customer_id, 'orderId', d->'orderId', 'amount', d->'amount', 'occurredAt', at)
              END::text`,
           )} AS json
    -- data is json (text): parsed once here rather than once per field.
    FROM taken CROSS JOIN LATERAL (SELECT data::jsonb AS d) parsed
    WHERE type IN ('ORDER_PLACED', 'ORDER_CANCELLED', 'ORDER_REFUNDED')),
  -- Every MAX_EVENTS_PER_MESSAGE events of a kind, then within those every MAX_MESSAGE_BYTES: a batch
  -- goes over the bytes by less than its last event (an order of 1,000 lines is under 500 KB), well
  -- below NATS's default 1 MiB max_payload.
  counted AS (
    SELECT kind, n, event_id, json, (row_number() OVER (PARTITION BY kind ORDER BY n) - 1) / ${MAX_EVENTS_PER_MESSAGE} AS by_count
    FROM envelopes),
  chunked AS (
    SELECT kind, n, event_id, json, by_count,
           floor(sum(octet_length(json) + 1) OVER (PARTITION BY kind, by_count ORDER BY n) / ${MAX_MESSAGE_BYTES})::int AS by_bytes
    FROM counted),
  batches AS (
    SELECT kind, by_count, by_bytes, count(*)::int AS events, '[' || string_agg(json, ',' ORDER BY n) || ']' AS payload,
           (array_agg(event_id ORDER BY n))[1] AS first_id, (array_agg(event_id ORDER BY n DESC))[1] AS last_id
    FROM chunked GROUP BY kind, by_count, by_bytes)
  SELECT last.xid, last.seq, last.taken_count AS total, b.kind, b.payload, b.events, b.first_id, b.last_id
  FROM last CROSS JOIN batches b ORDER BY b.kind, b.by_count, b.by_bytes`;

export class RecordedEventBatchesQuery {
  constructor(private readonly types: AnnouncementTypes) {}

  /** Up to `limit` recorded events past `after` as message batches; null when none is there. */
  async read(manager: EntityManager, after: LogPosition, limit: number): Promise<RecordedEventBatches | null> {
    const { types } = this;
    const rows: {
      xid: string;
      seq: string;
      total: number;
      kind: AnnouncementKind;
      payload: string;
      events: number;
      first_id: string;
      last_id: string;
    }[] = await manager.query(SQL, [
      after.xid,
      after.seq,
      limit,
      // As JSON strings: PostgreSQL would otherwise encode the same constants once per event.
      JSON.stringify(types.source),
      JSON.stringify(types.activity),
      JSON.stringify(types.ORDER_PLACED),
      JSON.stringify(types.ORDER_CANCELLED),
      JSON.stringify(types.ORDER_REFUNDED),
    ]);
    const [first] = rows;
    if (!first) return null;
    return {
      last: { xid: first.xid, seq: first.seq },
      events: first.total,
      batches: rows.map((r) => ({ kind: r.kind, payload: r.payload, events: r.events, firstEventId: r.first_id, lastEventId: r.last_id })),
    };
  }
}
