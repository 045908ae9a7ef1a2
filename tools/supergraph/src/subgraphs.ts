import { hasDatabase, registry } from '@rekindle/tools-registry';

/**
 * The subgraphs Rekindle is made of, as the supergraph composer, the code generator and the local
 * runner read them: derived from the service registry (tools/registry/services.json).
 */
export interface SubgraphSpec {
  name: string;
  port: number;
  /** Path from the workspace root. */
  schemaPath: string;
  /** Whether the app has a database schema and so a `migrate.ts`. */
  hasDatabase: boolean;
}

export const subgraphs: SubgraphSpec[] = registry.subgraphs.map((service) => ({
  name: service.name,
  port: service.port,
  schemaPath: `apps/${service.name}/src/schema.graphql`,
  hasDatabase: hasDatabase(service),
}));

export const GATEWAY_PORT = registry.gateway.port;

export const localSubgraphUrl = (spec: SubgraphSpec) => `http://127.0.0.1:${spec.port}/graphql`;
