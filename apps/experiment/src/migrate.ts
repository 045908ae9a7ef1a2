import { migrateAndClose } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';
import { loadExperimentConfig } from './config';
import { experimentMigrations } from './data/migrations';

async function main() {
  const config = loadExperimentConfig();
  const logger = createLogger({ service: 'experiment-migrate', level: config.LOG_LEVEL });
  await migrateAndClose({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations: experimentMigrations, logger });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
