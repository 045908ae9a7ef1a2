import { migrateAndClose, type MigrationClass } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';

/**
 * The body of every app's migrate.ts (and its Kubernetes Job): load the config, apply the schema's
 * pending migrations, close; any failure exits 1 with its reason.
 */
export function runMigrate<C extends { LOG_LEVEL: string; DATABASE_URL: string; DB_SCHEMA: string }>(
  name: string,
  loadConfig: () => C,
  migrations: MigrationClass[],
): void {
  const run = async () => {
    const config = loadConfig();
    const logger = createLogger({ service: `${name}-migrate`, level: config.LOG_LEVEL });
    await migrateAndClose({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations, logger });
  };
  run().catch((error: unknown) => {
    console.error(`${name} migrations failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
