import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The monorepo root, found from this file's place in it (tools/deploy-checks/src). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** Each service's port (DESIGN.md §6). */
const SERVICE_PORTS: Record<string, number> = {
  gateway: 4000,
  profile: 4001,
  segmentation: 4002,
  recommendation: 4003,
  campaign: 4004,
  loyalty: 4005,
  experiment: 4006,
};

/** The deployable apps: every `apps/<name>/project.json` tagged `type:app`. */
export function listApps(): string[] {
  const appsDir = join(WORKSPACE_ROOT, 'apps');
  return readdirSync(appsDir)
    .filter((name) => {
      const projectFile = join(appsDir, name, 'project.json');
      if (!existsSync(projectFile)) return false;
      const project = JSON.parse(readFileSync(projectFile, 'utf8')) as { tags?: string[] };
      return project.tags?.includes('type:app') ?? false;
    })
    .sort();
}

export function servicePort(app: string): number {
  const port = SERVICE_PORTS[app];
  if (port === undefined) throw new Error(`no port known for app "${app}": add it to SERVICE_PORTS (DESIGN.md §6)`);
  return port;
}

/** Whether the app has database migrations, run by `dist/apps/<app>/migrate.js`. */
export function hasMigrations(app: string): boolean {
  return existsSync(join(WORKSPACE_ROOT, 'apps', app, 'src', 'migrate.ts'));
}
