import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './workspace-paths';

export type AppScript = 'main' | 'migrate';

/** apps/<app>/src/<script>.ts, from the workspace root. */
export const appEntry = (app: string, script: AppScript) => join('apps', app, 'src', `${script}.ts`);

/** Fails before anything is started when an app the registry names lacks a script the runner needs. */
export function assertAppEntriesExist(entries: { app: string; script: AppScript }[]): void {
  const missing = entries.map(({ app, script }) => appEntry(app, script)).filter((entry) => !existsSync(join(WORKSPACE_ROOT, entry)));
  if (missing.length > 0) throw new Error(`Cannot start Rekindle: missing ${missing.join(', ')}`);
}
