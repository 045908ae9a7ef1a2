export {
  NEEDS,
  parseRegistry,
  hasDatabase,
  subgraphUrlVariable,
  networkGraphqlUrl,
  consumedProducers,
  type Need,
  type Registry,
  type Service,
  type ServiceKind,
} from './registry';
export { loadRegistry } from './load-registry';
export { registry } from './workspace-registry';
export { REGISTRY_PATH, SYNC_COMMAND } from './generated-notice';
export { WORKSPACE_ROOT } from './workspace';
export { renderDerivedFiles, type DerivedFile, type ReadFile } from './derived-files';
export { replaceMarkedBlock } from './marked-block';
export { renderDockerCompose } from './render/docker-compose';
export {
  kubernetesAppDir,
  renderAppKustomization,
  renderAppValues,
  renderBaseResources,
  renderGatewaySubgraphUrls,
} from './render/kubernetes';
export { renderServicesTable } from './render/readme';
export { syncDerivedFiles, type SyncedFile, type SyncStatus } from './sync';
export { loadEnvSchema, requiredVariables, environmentIssues } from './app-env';
export { workspaceProjects, listApps, type WorkspaceProject } from './workspace-projects';
export { runCheckCommand } from './check-command';
