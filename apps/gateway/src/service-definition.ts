import { defineService } from '@rekindle/platform-subgraph-server';
import { loadGatewayConfig } from './config';
import { createGatewayService } from './gateway-service';

/** The gateway, as main.ts runs it and the test kit starts it in front of test subgraphs (SUBGRAPH_URL_<NAME>). */
export const serviceDefinition = defineService({
  name: 'gateway',
  loadConfig: loadGatewayConfig,
  create: createGatewayService,
  test: { env: {} },
});
