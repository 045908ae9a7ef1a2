import { Client, types } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import type { Logger } from '@rekindle/platform-logger';

// A SQL date is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a local-midnight Date.
types.setTypeParser(types.builtins.DATE, (value) => value);

export type MigrationClass = new () => MigrationInterface;

export interface DatabaseOptions {
  url: string;
  /** The service's own PostgreSQL schema; created when missing. Tests pass a throwaway one. */
  schema: string;
  migrations: MigrationClass[];
  poolSize?: number;
  applicationName?: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } finally {
    await client.end();
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Opens a pooled TypeORM DataSource confined to one schema: its search_path puts the service's
 * schema first, so raw SQL and migrations use unqualified table names and run in any schema.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  await ensureSchema(options.url, options.schema);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize ?? 10,
      options: `-c search_path=${quoteIdent(options.schema)},public`,
    },
  });
  return dataSource.initialize();
}

/** Applies pending migrations in order and reports each one; returns the names it ran. */
export async function runMigrations(dataSource: DataSource, logger?: Logger): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of ran) logger?.info({ migration: migration.name }, 'migration applied');
  return ran.map((m) => m.name);
}

/** Readiness probe: the pool can hand out a connection that answers. */
export async function checkDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}
