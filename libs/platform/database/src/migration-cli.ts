import type { Logger } from '@rekindle/platform-logger';
import { openDatabase, runMigrations, type MigrationClass } from './open-database';

export interface MigrationCliOptions {
  url: string;
  schema: string;
  migrations: MigrationClass[];
  logger: Logger;
}

/** Applies a schema's pending migrations, reports each and closes: what every app's migrate.ts (and its Kubernetes Job) runs. */
export async function migrateAndClose(options: MigrationCliOptions): Promise<string[]> {
  const dataSource = await openDatabase({ ...options, poolSize: 1, applicationName: `${options.schema}-migrate` });
  try {
    const ran = await runMigrations(dataSource, options.logger);
    options.logger.info({ schema: options.schema, applied: ran.length }, 'migrations up to date');
    return ran;
  } finally {
    await dataSource.destroy();
  }
}
