import { cloudEventSchema, type CloudEvent } from '@rekindle/contracts';
import { ConflictError, InputError, NotFoundError } from '@rekindle/util';
import { inTransaction, type DataSource } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { handleOnce, inEventContext, type EventHandlers } from './inbox';

/** An event a consumer gave up on, kept for an operator to inspect and replay. */
export interface DeadLetter {
  /** bigserial, as a string. */
  id: string;
  consumer: string;
  /** Null when the message was not a CloudEvent at all. */
  eventId: string | null;
  subject: string;
  /** The CloudEvent, or what arrived when it could not be decoded. */
  payload: unknown;
  error: string;
  attempts: number;
  failedAt: Date;
  replayedAt: Date | null;
}

export interface NewDeadLetter {
  consumer: string;
  eventId: string | null;
  subject: string;
  payload: unknown;
  error: string;
  attempts: number;
}

/** Records a failed event; the same event failing again for the same consumer updates its record and reopens it. */
export async function recordDeadLetter(dataSource: DataSource, entry: NewDeadLetter): Promise<void> {
  await dataSource.query(
    `INSERT INTO dead_letter (consumer, event_id, subject, payload, error, attempts)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6)
     ON CONFLICT (consumer, event_id) WHERE event_id IS NOT NULL DO UPDATE
       SET subject = excluded.subject, payload = excluded.payload, error = excluded.error,
           attempts = excluded.attempts, failed_at = now(), replayed_at = NULL`,
    [entry.consumer, entry.eventId, entry.subject, JSON.stringify(entry.payload), entry.error, entry.attempts],
  );
}

interface DeadLetterRow {
  id: string;
  consumer: string;
  event_id: string | null;
  subject: string;
  payload: unknown;
  error: string;
  attempts: number;
  failed_at: Date;
  replayed_at: Date | null;
}

const toDeadLetter = (row: DeadLetterRow): DeadLetter => ({
  id: row.id,
  consumer: row.consumer,
  eventId: row.event_id,
  subject: row.subject,
  payload: row.payload,
  error: row.error,
  attempts: row.attempts,
  failedAt: row.failed_at,
  replayedAt: row.replayed_at,
});

export interface ListDeadLettersOptions {
  consumer?: string;
  first?: number;
  /** The id of the last dead letter of the previous page (keyset pagination). */
  after?: string;
}

const ID = /^\d{1,19}$/;

/** Dead letters oldest first, replayed ones included (see `replayedAt`). */
export async function listDeadLetters(dataSource: DataSource, options: ListDeadLettersOptions = {}): Promise<DeadLetter[]> {
  const { consumer, first = 50, after } = options;
  if (!Number.isInteger(first) || first < 1 || first > 1000) {
    throw new InputError([{ field: 'first', message: 'must be between 1 and 1000' }]);
  }
  if (after !== undefined && !ID.test(after)) throw new InputError([{ field: 'after', message: 'must be a dead letter id' }]);
  const rows: DeadLetterRow[] = await dataSource.query(
    `SELECT id, consumer, event_id, subject, payload, error, attempts, failed_at, replayed_at
     FROM dead_letter
     WHERE ($1::text IS NULL OR consumer = $1) AND ($2::bigint IS NULL OR id > $2)
     ORDER BY id
     LIMIT $3`,
    [consumer ?? null, after ?? null, first],
  );
  return rows.map(toDeadLetter);
}

export interface ReplayDeadLetterOptions {
  dataSource: DataSource;
  logger: Logger;
  id: string;
  handlers: EventHandlers;
  /** The durable consumer the dead letter belongs to; also its inbox key. */
  consumer: string;
}

/**
 * Runs the (fixed) handler on a dead letter through the same inbox-in-one-transaction path as live
 * delivery, and marks it replayed. Returns whether the handler ran: a second replay, or one of an
 * event the consumer has processed meanwhile, changes nothing.
 */
export async function replayDeadLetter(options: ReplayDeadLetterOptions): Promise<{ applied: boolean }> {
  const { dataSource, logger, id, handlers, consumer } = options;
  if (!ID.test(id)) throw new NotFoundError('DeadLetter', id);
  return inTransaction(dataSource, async (manager) => {
    const [row]: DeadLetterRow[] = await manager.query(
      `SELECT id, consumer, event_id, subject, payload, error, attempts, failed_at, replayed_at
       FROM dead_letter WHERE id = $1 AND consumer = $2 FOR UPDATE`,
      [id, consumer],
    );
    if (!row) throw new NotFoundError('DeadLetter', id);
    if (row.replayed_at) return { applied: false };
    const parsed = cloudEventSchema.safeParse(row.payload);
    if (!parsed.success) throw new ConflictError(`dead letter ${id} is not a CloudEvent and cannot be replayed`, { id });
    const event = parsed.data as CloudEvent;
    const handler = handlers[event.type];
    if (!handler) throw new ConflictError(`no handler for ${event.type}; dead letter ${id} cannot be replayed`, { id });
    const applied = await inEventContext(event, async () => {
      const ran = await handleOnce(manager, consumer, event, handler);
      logger.info({ deadLetter: id, consumer, eventId: event.id, type: event.type, applied: ran }, 'dead letter replayed');
      return ran;
    });
    await manager.query('UPDATE dead_letter SET replayed_at = now() WHERE id = $1', [id]);
    return { applied };
  });
}
