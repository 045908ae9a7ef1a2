import { runService } from '@rekindle/platform-subgraph-server';
import { serviceDefinition } from './service-definition';

runService(serviceDefinition);
