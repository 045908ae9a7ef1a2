import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from '@rekindle/platform-database';
import type { Bus } from '@rekindle/platform-messaging';
import type { RunnableService, ServiceDefinition } from '@rekindle/platform-subgraph-server';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
const REGISTRY_PATH = 'tools/registry/services.json';

/** A subgraph as the kit runs it: every subgraph's service exposes its database and bus. */
export type SubgraphService = RunnableService & { dataSource: DataSource; bus: Bus };

type ServiceKind = 'gateway' | 'subgraph';

/** What the kit reads of the registry (read as data: a library may not import tools). */
function registeredKinds(): Map<string, ServiceKind> {
  const entries = JSON.parse(readFileSync(join(WORKSPACE_ROOT, REGISTRY_PATH), 'utf8')) as Record<string, { kind: ServiceKind }>;
  return new Map(Object.entries(entries).map(([name, { kind }]) => [name, kind]));
}

/** The name of the registry's gateway. */
export function registeredGateway(): string {
  const gateway = [...registeredKinds()].find(([, kind]) => kind === 'gateway');
  if (!gateway) throw new Error(`${REGISTRY_PATH} names no gateway`);
  return gateway[0];
}

/** Where a service's definition lives, by convention: apps/<name>/src/service-definition.ts. */
export const serviceDefinitionPath = (name: string) => join('apps', name, 'src', 'service-definition.ts');

/**
 * The definition of a service the registry lists with this kind (a subgraph unless told otherwise),
 * loaded at run time from the file every app exports it from: a library may not import an app (Nx's
 * module boundaries), but a test may start one.
 */
export function loadServiceDefinition<S extends RunnableService = SubgraphService>(
  name: string,
  kind: ServiceKind = 'subgraph',
): ServiceDefinition<{ LOG_LEVEL: string }, S> {
  const registered = registeredKinds().get(name);
  if (registered !== kind) throw new Error(`no ${kind} "${name}" in ${REGISTRY_PATH}`);
  const path = serviceDefinitionPath(name);
  if (!existsSync(join(WORKSPACE_ROOT, path))) throw new Error(`${kind} "${name}" has no definition: ${path} is missing`);
  const { serviceDefinition } = require(join(WORKSPACE_ROOT, path)) as { serviceDefinition?: ServiceDefinition<{ LOG_LEVEL: string }, S> };
  if (serviceDefinition?.name !== name) throw new Error(`${path} must export the definition of "${name}" as \`serviceDefinition\``);
  return serviceDefinition;
}
