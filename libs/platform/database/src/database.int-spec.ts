import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@rekindle/platform-testing';
import { checkDatabase, inTransaction, runMigrations, type MigrationInterface, type QueryRunner } from './index';

class CreateWidget1700000000000 implements MigrationInterface {
  name = 'CreateWidget1700000000000';
  async up(runner: QueryRunner) {
    await runner.query('CREATE TABLE widget (id int PRIMARY KEY, name text NOT NULL)');
  }
  async down(runner: QueryRunner) {
    await runner.query('DROP TABLE widget');
  }
}

describe('database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('database', [CreateWidget1700000000000]);
  });
  afterAll(() => db.drop());

  it('creates tables in the service schema only', async () => {
    const rows = await db.dataSource.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'widget'`);
    expect(rows).toEqual([{ table_schema: db.schema }]);
    await checkDatabase(db.dataSource);
  });

  it('does not apply a migration twice', async () => {
    expect(await runMigrations(db.dataSource)).toEqual([]);
  });

  it('commits all of a transaction or none of it', async () => {
    await inTransaction(db.dataSource, (m) => m.query(`INSERT INTO widget VALUES (1, 'kept')`));
    await expect(
      inTransaction(db.dataSource, async (m) => {
        await m.query(`INSERT INTO widget VALUES (2, 'lost')`);
        await m.query(`INSERT INTO widget VALUES (1, 'duplicate key')`);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await db.dataSource.query('SELECT id FROM widget ORDER BY id')).toEqual([{ id: 1 }]);
  });

  it('drops the schema afterwards', async () => {
    const extra = await createTestDatabase('database_drop', [CreateWidget1700000000000]);
    await extra.drop();
    const client = new Client({ connectionString: extra.url });
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [extra.schema]);
    await client.end();
    expect(rowCount).toBe(0);
  });
});
