/**
 * The subgraphs Rekindle is made of: the one list the supergraph composer, the code generator and
 * the local runner read. Add a service here when its app exists.
 */
export interface SubgraphSpec {
  name: string;
  port: number;
  /** Path from the workspace root. */
  schemaPath: string;
  /** Whether the app has a database schema and so a `migrate.ts`. */
  hasDatabase: boolean;
}

export const subgraphs: SubgraphSpec[] = [
  { name: 'profile', port: 4001, schemaPath: 'apps/profile/src/schema.graphql', hasDatabase: true },
  { name: 'loyalty', port: 4005, schemaPath: 'apps/loyalty/src/schema.graphql', hasDatabase: true },
  { name: 'experiment', port: 4006, schemaPath: 'apps/experiment/src/schema.graphql', hasDatabase: true },
];

export const GATEWAY_PORT = 4000;

export const localSubgraphUrl = (spec: SubgraphSpec) => `http://127.0.0.1:${spec.port}/graphql`;
