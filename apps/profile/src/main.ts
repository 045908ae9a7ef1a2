import { createLogger } from '@rekindle/platform-logger';
import { onShutdownSignals } from '@rekindle/platform-subgraph-server';
import { loadProfileConfig } from './config';
import { createProfileService } from './profile-service';

async function main() {
  const config = loadProfileConfig();
  const logger = createLogger({ service: 'profile', level: config.LOG_LEVEL });
  const service = await createProfileService({ config, logger });
  const { url } = await service.start();
  logger.info({ url }, 'profile subgraph listening');
  onShutdownSignals(() => service.stop(), logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
