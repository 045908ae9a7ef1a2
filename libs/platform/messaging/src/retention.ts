import type { DataSource } from '@rekindle/platform-database';

export interface MessagingRetention {
  /** How long a published outbox row stays (for an operator to look back); unpublished rows always stay. */
  outboxHours: number;
  /**
   * How long a consumer remembers an event id. A copy can only arrive while the producer republishes
   * (minutes, inside JetStream's duplicate window) or while a message is redelivered unacked, so days
   * are ample.
   */
  inboxDays: number;
}

const ROWS_PER_DELETE = 10_000;

/**
 * Deletes published outbox rows and inbox entries past their retention, 10,000 rows a statement
 * until none is due, so the tables stop growing with every event ever sent or received. Replicas may
 * prune at the same time: each skips the rows another is deleting.
 */
export async function pruneMessagingTables(dataSource: DataSource, retention: MessagingRetention): Promise<{ outbox: number; inbox: number }> {
  const outbox = await deleteInBatches(
    dataSource,
    `DELETE FROM outbox WHERE seq IN (
       SELECT seq FROM outbox WHERE published_at < now() - make_interval(hours => $1) LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    retention.outboxHours,
  );
  const inbox = await deleteInBatches(
    dataSource,
    `DELETE FROM inbox WHERE (consumer, event_id) IN (
       SELECT consumer, event_id FROM inbox WHERE processed_at < now() - make_interval(days => $1) LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    retention.inboxDays,
  );
  return { outbox, inbox };
}

async function deleteInBatches(dataSource: DataSource, sql: string, age: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted] = (await dataSource.query(sql, [age, ROWS_PER_DELETE])) as [unknown, number];
    total += deleted;
    if (deleted < ROWS_PER_DELETE) return total;
  }
}
