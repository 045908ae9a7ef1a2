import { hasDatabase, registry, REGISTRY_PATH, type Service } from '@rekindle/tools-registry';

export { listApps, WORKSPACE_ROOT } from '@rekindle/tools-registry';

function registered(app: string): Service {
  const service = registry.services.find((s) => s.name === app);
  if (!service) throw new Error(`app "${app}" is not in the service registry: add it to ${REGISTRY_PATH}`);
  return service;
}

export const servicePort = (app: string): number => registered(app).port;

/** Whether the app has a database, and so migrations run by `dist/apps/<app>/migrate.js`. */
export const needsDatabase = (app: string): boolean => hasDatabase(registered(app));
