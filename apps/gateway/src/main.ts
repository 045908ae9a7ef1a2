import { runService } from '@rekindle/platform-subgraph-server';
import { loadGatewayConfig } from './config';
import { createGatewayService } from './gateway-service';

runService('gateway', loadGatewayConfig, (config, logger) => createGatewayService({ config, logger }));
