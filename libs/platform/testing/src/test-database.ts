import { dropSchema, openDatabase, runMigrations, type DataSource, type MigrationClass } from '@rekindle/platform-database';
import { testEnv } from './test-config';
import { uniqueTestId } from './unique-id';

export interface TestDatabase {
  url: string;
  schema: string;
  dataSource: DataSource;
  /** Closes the pool and drops the schema. */
  drop(): Promise<void>;
}

/** A migrated DataSource in a fresh schema of its own, so parallel test files never see each other. */
export async function createTestDatabase(label: string, migrations: MigrationClass[]): Promise<TestDatabase> {
  const { DATABASE_URL: url } = testEnv();
  const schema = uniqueTestId(label);
  const dataSource = await openDatabase({ url, schema, migrations, poolSize: 4 });
  await runMigrations(dataSource);
  return {
    url,
    schema,
    dataSource,
    async drop() {
      await dataSource.destroy();
      await dropSchema(url, schema);
    },
  };
}
