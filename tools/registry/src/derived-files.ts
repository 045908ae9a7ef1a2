import { replaceMarkedBlock } from './marked-block';
import type { Registry } from './registry';
import { renderDockerCompose } from './render/docker-compose';
import {
  kubernetesAppDir,
  renderAppKustomization,
  renderAppValues,
  renderBaseResources,
  renderGatewaySubgraphUrls,
  SUBGRAPH_URLS_ENV,
} from './render/kubernetes';
import { renderServicesTable } from './render/readme';

export interface DerivedFile {
  /** From the workspace root. */
  path: string;
  content: string;
}

/** Reads a file of the workspace (from its root); undefined when it does not exist. */
export type ReadFile = (path: string) => string | undefined;

function withBlock(read: ReadFile, path: string, block: string, content: string): DerivedFile {
  const current = read(path);
  if (current === undefined) throw new Error(`${path} is missing: it holds the "${block}" block derived from the registry`);
  return { path, content: replaceMarkedBlock(current, block, content, path) };
}

/**
 * Every file the registry drives, as it must read: whole files, and hand-written files whose marked
 * block is derived (read through `read`, so this works on a disk or on an Nx virtual tree alike).
 */
export function renderDerivedFiles(registry: Registry, read: ReadFile): DerivedFile[] {
  return [
    { path: 'docker-compose.yml', content: renderDockerCompose(registry) },
    ...registry.services.flatMap((service) => [
      { path: `${kubernetesAppDir(service)}/kustomization.yaml`, content: renderAppKustomization(service) },
      { path: `${kubernetesAppDir(service)}/values.yaml`, content: renderAppValues(service) },
    ]),
    { path: `${kubernetesAppDir(registry.gateway)}/${SUBGRAPH_URLS_ENV}`, content: renderGatewaySubgraphUrls(registry) },
    withBlock(read, 'k8s/base/kustomization.yaml', 'services', renderBaseResources(registry)),
    withBlock(read, 'README.md', 'services-table', renderServicesTable(registry)),
  ];
}
