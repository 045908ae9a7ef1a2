import type { CloudEvent } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import { subjectOfType } from './naming';

const ROWS_PER_INSERT = 5_000;

const INSERT = `
  INSERT INTO outbox (id, subject, type, payload)
  SELECT r.id, r.subject, r.type, r.payload
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, subject text, type text, payload jsonb))
    WITH ORDINALITY AS r(id, subject, type, payload, n)
  ORDER BY r.n`;

/**
 * Records events for the relay to publish, inside the caller's transaction: they are published if
 * and only if it commits. One multi-row INSERT per 5,000 events; `seq` follows the array order.
 */
export async function appendToOutbox(manager: EntityManager, events: readonly CloudEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
    const rows = events
      .slice(start, start + ROWS_PER_INSERT)
      .map((event) => ({ id: event.id, subject: subjectOfType(event.type), type: event.type, payload: event }));
    await manager.query(INSERT, [JSON.stringify(rows)]);
  }
}
