import { createDefinedService, type RunnableService, type ServiceDefinition } from './service-definition';
import { onShutdownSignals } from './shutdown-signals';

/**
 * The body of every app's main.ts: load the config from the process's environment (failing fast
 * with its message), start the service, and stop it gracefully on SIGTERM/SIGINT. Any start-up
 * failure exits 1 with its reason.
 */
export function runService<C extends { LOG_LEVEL: string }, S extends RunnableService, H extends object>(definition: ServiceDefinition<C, S, H>): void {
  const run = async () => {
    const { service, logger } = await createDefinedService(definition, process.env);
    const { url } = await service.start();
    logger.info({ url }, `${definition.name} listening`);
    onShutdownSignals(() => service.stop(), logger);
  };
  run().catch((error: unknown) => {
    console.error(`${definition.name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
