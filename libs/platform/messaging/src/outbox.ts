import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import { batchBySubject } from './event-batches';
import { subjectOfType } from './naming';

const INSERT = `
  INSERT INTO outbox (id, subject, type, payload)
  SELECT r.id, r.subject, r.type, r.payload
  FROM ROWS FROM (json_to_recordset($1::json) AS (id uuid, subject text, type text, payload json))
    WITH ORDINALITY AS r(id, subject, type, payload, n)
  ORDER BY r.n`;

/**
 * Records events for the relay to publish, inside the caller's transaction: they are published if
 * and only if it commits. One outbox row is one message: the events of one subject travel together
 * as a CloudEvents batch (`batchBySubject`), a lone event as itself under its own id. One INSERT.
 */
export async function appendToOutbox(manager: EntityManager, events: readonly CloudEvent[]): Promise<void> {
  if (events.length === 0) return;
  const serialized = events.map((event) => ({ subject: subjectOfType(event.type), event, json: JSON.stringify(event) }));
  const rows = batchBySubject(serialized).map(({ subject, members, payload }) => {
    const [first] = members as [(typeof members)[number]];
    const id = members.length === 1 ? first.event.id : randomUUID();
    return `{"id":"${id}","subject":${JSON.stringify(subject)},"type":${JSON.stringify(first.event.type)},"payload":${payload}}`;
  });
  await manager.query(INSERT, [`[${rows.join(',')}]`]);
}
