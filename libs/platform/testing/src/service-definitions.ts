import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DataSource } from '@rekindle/platform-database';
import type { Bus } from '@rekindle/platform-messaging';
import type { RunnableService, ServiceDefinition } from '@rekindle/platform-subgraph-server';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;

/** A subgraph as the kit runs it: every subgraph's service exposes its database and bus. */
export type SubgraphService = RunnableService & { dataSource: DataSource; bus: Bus };

/** Where a service's definition lives, by convention: apps/<name>/src/service-definition.ts. */
export function serviceDefinitionPath(name: string): string {
  if (!SERVICE_NAME.test(name)) throw new Error(`not a service name: ${JSON.stringify(name)}`);
  return join(WORKSPACE_ROOT, 'apps', name, 'src', 'service-definition.ts');
}

/**
 * A service's definition, loaded by name at run time: a library may not import an app (Nx's
 * module boundaries), but a test may start one through the file every app exports it from.
 */
export function loadServiceDefinition<S extends RunnableService = SubgraphService>(name: string): ServiceDefinition<{ LOG_LEVEL: string }, S> {
  const path = serviceDefinitionPath(name);
  const where = relative(WORKSPACE_ROOT, path);
  if (!existsSync(path)) throw new Error(`no service "${name}": ${where} is missing`);
  // Loaded at run time from the name: each app exports its definition there.
  const { serviceDefinition } = require(path) as { serviceDefinition?: ServiceDefinition<{ LOG_LEVEL: string }, S> };
  if (serviceDefinition?.name !== name) throw new Error(`${where} must export the definition of "${name}" as \`serviceDefinition\``);
  return serviceDefinition;
}
