import type { SubgraphSpec } from '@rekindle/tools-supergraph';
import { appEntry } from './app-entry';
import { formatChildLine } from './format-child-line';
import { describeExit, startManagedProcess } from './managed-process';
import { subgraphEnv, type SharedServiceSettings } from './service-env';
import type { Teardown } from './teardown';
import { localBin, WORKSPACE_ROOT } from './workspace-paths';

/** Runs `tsx apps/<name>/src/migrate.ts` for every subgraph with a database, one after another. */
export async function runMigrations(
  specs: SubgraphSpec[],
  settings: SharedServiceSettings,
  teardown: Teardown,
  print: (line: string) => void,
): Promise<void> {
  for (const spec of specs.filter((s) => s.hasDatabase)) {
    const name = `${spec.name} migrate`;
    const migration = startManagedProcess({
      name,
      command: localBin('tsx'),
      args: [appEntry(spec.name, 'migrate')],
      cwd: WORKSPACE_ROOT,
      env: subgraphEnv(settings, spec),
      output: (line) => print(formatChildLine(name, line)),
    });
    teardown.add(name, () => migration.stop(10_000));
    const exit = await migration.exited;
    if (exit.code !== 0) throw new Error(`Migrations of ${spec.name} failed: ${name} ${describeExit(exit)}`);
  }
}
