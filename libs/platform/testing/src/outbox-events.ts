import type { CloudEvent } from '@rekindle/contracts';
import type { DataSource } from '@rekindle/platform-database';

/**
 * The CloudEvents of `type` in a service's outbox, published or not, in the order they were
 * appended: one row is one message, a lone event or a batch of them, and this reads the events.
 */
export async function outboxEvents(dataSource: DataSource, type: string): Promise<CloudEvent[]> {
  const rows: { event: CloudEvent }[] = await dataSource.query(
    `SELECT e.event
     FROM outbox o
     CROSS JOIN LATERAL jsonb_array_elements(
       CASE json_typeof(o.payload) WHEN 'array' THEN o.payload::jsonb ELSE jsonb_build_array(o.payload) END
     ) WITH ORDINALITY AS e(event, n)
     WHERE o.type = $1
     ORDER BY o.seq, e.n`,
    [type],
  );
  return rows.map((row) => row.event);
}
