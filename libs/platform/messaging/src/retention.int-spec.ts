import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@rekindle/platform-testing';
import { messagingMigrations } from './migrations';
import { pruneMessagingTables } from './retention';

describe('pruneMessagingTables', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('messaging_retention', messagingMigrations);
  });
  afterAll(() => db.drop());

  const outboxRow = (publishedAgo: string | null, createdAgo = '3 days') =>
    db.dataSource.query(
      `INSERT INTO outbox (id, subject, type, payload, created_at, published_at)
       VALUES ($1, 'profile.widget.made.v1', 'rekindle.profile.widget.made.v1', '{}', now() - $2::interval,
               CASE WHEN $3::interval IS NULL THEN NULL ELSE now() - $3::interval END)
       RETURNING seq`,
      [randomUUID(), createdAgo, publishedAgo],
    );
  const inboxRow = (processedAgo: string) =>
    db.dataSource.query(`INSERT INTO inbox (consumer, event_id, processed_at) VALUES ('loyalty', $1, now() - $2::interval)`, [
      randomUUID(),
      processedAgo,
    ]);
  const count = async (sql: string) => (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`))[0].n as number;

  it('deletes published outbox rows and inbox entries past their retention, and nothing else', async () => {
    for (let i = 0; i < 3; i += 1) await outboxRow('30 hours');
    await outboxRow('2 hours');
    await outboxRow(null, '30 days'); // never published: it stays, however old
    for (let i = 0; i < 4; i += 1) await inboxRow('8 days');
    await inboxRow('6 days');

    expect(await pruneMessagingTables(db.dataSource, { outboxHours: 24, inboxDays: 7 })).toEqual({ outbox: 3, inbox: 4 });
    expect(await count(`outbox WHERE published_at IS NULL`)).toBe(1);
    expect(await count(`outbox WHERE published_at IS NOT NULL`)).toBe(1);
    expect(await count('inbox')).toBe(1);
    expect(await pruneMessagingTables(db.dataSource, { outboxHours: 24, inboxDays: 7 })).toEqual({ outbox: 0, inbox: 0 });
  });

  it('goes on past the first 10,000 rows due', async () => {
    await db.dataSource.query(
      `INSERT INTO inbox (consumer, event_id, processed_at) SELECT 'bulk', gen_random_uuid(), now() - interval '10 days' FROM generate_series(1, 10050)`,
    );
    expect((await pruneMessagingTables(db.dataSource, { outboxHours: 24, inboxDays: 7 })).inbox).toBe(10_050);
    expect(await count(`inbox WHERE consumer = 'bulk'`)).toBe(0);
  });
});
