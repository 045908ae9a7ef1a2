import { migrateAndClose } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';
import { loadLoyaltyConfig } from './config';
import { loyaltyMigrations } from './data/migrations';

async function main() {
  const config = loadLoyaltyConfig();
  const logger = createLogger({ service: 'loyalty-migrate', level: config.LOG_LEVEL });
  await migrateAndClose({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations: loyaltyMigrations, logger });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
