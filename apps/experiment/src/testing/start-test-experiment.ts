import { createLogger } from '@rekindle/platform-logger';
import { connectBus } from '@rekindle/platform-messaging';
import { startTestService, testEnv, type TestService, type TestServiceOptions } from '@rekindle/platform-testing';
import { loadExperimentConfig } from '../config';
import { createExperimentService, type ExperimentService } from '../experiment-service';

export type TestExperiment = TestService<ExperimentService>;

/**
 * The real experiment service in-process (see startTestService), migrated, results not cached, the
 * consumers' retry back-off short. Pass a test profile's `busPrefix` to have its consumers read that
 * profile's stream; with a prefix of its own, its streams are deleted when it stops.
 */
export async function startTestExperiment(label: string, options: TestServiceOptions = {}): Promise<TestExperiment> {
  const started = await startTestService(label, options, async (env) => {
    const config = loadExperimentConfig({ RESULTS_CACHE_SECONDS: '0', ...env });
    const service = await createExperimentService({
      config,
      logger: createLogger({ service: 'experiment', level: config.LOG_LEVEL }),
      migrate: true,
      consumer: { backoffMs: [50, 100] },
    });
    const { url } = await service.start();
    return { service, url };
  });
  if (options.busPrefix) return started;
  return {
    ...started,
    async stop() {
      await started.stop();
      await deleteStreams(options.NATS_URL ?? testEnv().NATS_URL, started.busPrefix);
    },
  };
}

/** Deletes the streams an instance created under its own prefix (experiment's, and profile's for its consumers). */
async function deleteStreams(url: string, prefix: string): Promise<void> {
  const bus = await connectBus({ url, prefix, name: 'test-experiment-cleanup', logger: createLogger({ service: 'test', level: 'silent' }) });
  try {
    for (const producer of ['experiment', 'profile']) {
      await bus.jsm.streams.delete(bus.streamName(producer)).catch(() => false);
    }
  } finally {
    await bus.close();
  }
}
