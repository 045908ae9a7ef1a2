export { subgraphs, GATEWAY_PORT, localSubgraphUrl, type SubgraphSpec } from './subgraphs';
