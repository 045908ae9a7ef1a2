import { createLogger } from '@rekindle/platform-logger';
import { onShutdownSignals } from '@rekindle/platform-subgraph-server';
import { loadGatewayConfig } from './config';
import { createGatewayService } from './gateway-service';

async function main() {
  const config = loadGatewayConfig();
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const gateway = createGatewayService({ config, logger });
  const { url } = await gateway.start();
  logger.info({ url }, 'gateway listening');
  onShutdownSignals(() => gateway.stop(), logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
