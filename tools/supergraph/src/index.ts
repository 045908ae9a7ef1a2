export { subgraphs, GATEWAY_PORT, localSubgraphUrl, type SubgraphSpec } from './subgraphs';
export { composeSubgraphs, composeSupergraph, type Composed, type SubgraphSource } from './compose';
export { SUPERGRAPH_PATH, checkSupergraphFile, renderSupergraphFile, writeSupergraphFile } from './supergraph-file';
export { WORKSPACE_ROOT } from './workspace';
