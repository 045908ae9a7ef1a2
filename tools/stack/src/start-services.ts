import type { SubgraphSpec } from '@rekindle/tools-supergraph';
import { appEntry } from './app-entry';
import { formatChildLine } from './format-child-line';
import { answersOk } from './http-ready';
import { startManagedProcess, type ManagedProcess } from './managed-process';
import { gatewayEnv, subgraphEnv, type SharedServiceSettings } from './service-env';
import type { Teardown } from './teardown';
import { waitUntilReady } from './wait-until-ready';
import { localBin, WORKSPACE_ROOT } from './workspace-paths';

// The first start of an app compiles it with tsx, and a 2-core machine starts them all at once.
const READY_TIMEOUT_MS = 120_000;
const PROGRESS_EVERY_MS = 10_000;
// Apps drain for up to SHUTDOWN_TIMEOUT_MS (10 s by default) before exiting on their own.
const STOP_GRACE_MS = 15_000;

export interface StartServicesOptions {
  subgraphs: SubgraphSpec[];
  gatewayPort: number;
  settings: SharedServiceSettings;
  teardown: Teardown;
  print: (line: string) => void;
}

interface Launch {
  name: string;
  port: number;
  env: Record<string, string>;
}

/** Prints every PROGRESS_EVERY_MS which services are still not ready. */
function progressReporter(print: (line: string) => void) {
  const pending = new Set<string>();
  const began = Date.now();
  const timer = setInterval(() => {
    if (pending.size > 0) print(`Still waiting for ${[...pending].join(', ')} (${Math.round((Date.now() - began) / 1000)} s)`);
  }, PROGRESS_EVERY_MS);
  timer.unref();
  return { pending, done: () => clearInterval(timer) };
}

/**
 * Starts every subgraph (`tsx apps/<name>/src/main.ts`) at once, waits until each answers
 * GET /health/ready, then does the same for the gateway. Returns the running processes; the
 * teardown stops the gateway first, then all subgraphs together.
 */
export async function startServices(options: StartServicesOptions): Promise<ManagedProcess[]> {
  const { settings, teardown, print } = options;
  const progress = progressReporter(print);

  const launchGroup = async (group: string, launches: Launch[]) => {
    const processes: ManagedProcess[] = [];
    teardown.add(group, () => Promise.all(processes.map((process) => process.stop(STOP_GRACE_MS))));
    print(`Starting ${launches.map(({ name, port }) => `${name} on port ${port}`).join(', ')}`);
    await Promise.all(
      launches.map(async ({ name, port, env }) => {
        const began = Date.now();
        const process = startManagedProcess({
          name,
          command: localBin('tsx'),
          args: [appEntry(name, 'main')],
          cwd: WORKSPACE_ROOT,
          env,
          output: (line) => print(formatChildLine(name, line)),
        });
        processes.push(process);
        progress.pending.add(name);
        await waitUntilReady(process, {
          isReady: () => answersOk(`http://127.0.0.1:${port}/health/ready`),
          timeoutMs: READY_TIMEOUT_MS,
          intervalMs: 250,
        });
        progress.pending.delete(name);
        print(`${name} ready (${((Date.now() - began) / 1000).toFixed(1)} s)`);
      }),
    );
    return processes;
  };

  try {
    const subgraphs = await launchGroup(
      'subgraphs',
      options.subgraphs.map((spec) => ({ name: spec.name, port: spec.port, env: subgraphEnv(settings, spec) })),
    );
    const gateway = await launchGroup('gateway', [
      { name: 'gateway', port: options.gatewayPort, env: gatewayEnv(settings, options.gatewayPort, options.subgraphs) },
    ]);
    return [...subgraphs, ...gateway];
  } finally {
    progress.done();
  }
}
