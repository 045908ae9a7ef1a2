import { startManagedProcess, type ManagedProcess, type ManagedProcessOptions } from './managed-process';
import { waitUntilReady, type ReadinessOptions } from './wait-until-ready';

/** Starts a long-running process and returns once it is ready; stops it again if it never gets there. */
export async function startServer(options: ManagedProcessOptions & ReadinessOptions): Promise<ManagedProcess> {
  const server = startManagedProcess(options);
  try {
    await waitUntilReady(server, options);
    return server;
  } catch (error) {
    await server.stop(2000);
    throw error;
  }
}
