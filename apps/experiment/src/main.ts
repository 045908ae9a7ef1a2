import { runService } from '@rekindle/platform-subgraph-server';
import { loadExperimentConfig } from './config';
import { createExperimentService } from './experiment-service';

runService('experiment', () => loadExperimentConfig(), (config, logger) => createExperimentService({ config, logger }));
