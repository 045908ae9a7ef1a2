import { migrateAndClose } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';
import { loadProfileConfig } from './config';
import { profileMigrations } from './data/migrations';

async function main() {
  const config = loadProfileConfig();
  const logger = createLogger({ service: 'profile-migrate', level: config.LOG_LEVEL });
  await migrateAndClose({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations: profileMigrations, logger });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
