import { createLogger, type Logger } from '@rekindle/platform-logger';
import { onShutdownSignals } from './shutdown-signals';

export interface RunnableService {
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
}

/**
 * The body of every app's main.ts: load the config (failing fast with its message), start the
 * service, and stop it gracefully on SIGTERM/SIGINT. Any start-up failure exits 1 with its reason.
 */
export function runService<C extends { LOG_LEVEL: string }>(
  name: string,
  loadConfig: () => C,
  create: (config: C, logger: Logger) => RunnableService | Promise<RunnableService>,
): void {
  const run = async () => {
    const config = loadConfig();
    const logger = createLogger({ service: name, level: config.LOG_LEVEL });
    const service = await create(config, logger);
    const { url } = await service.start();
    logger.info({ url }, `${name} listening`);
    onShutdownSignals(() => service.stop(), logger);
  };
  run().catch((error: unknown) => {
    console.error(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
