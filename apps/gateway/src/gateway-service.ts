import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { currentRequestContext, type Logger } from '@rekindle/platform-logger';
import { createGraphQLHttpServer } from '@rekindle/platform-subgraph-server';
import { validateVariablesWithCompiledCode } from './compiled-variable-validation';
import { subgraphUrlOverrides, type GatewayConfig } from './config';
import { depthLimitRule } from './depth-limit.rule';
import { graphiqlRouter } from './graphiql/graphiql-router';
import { SubgraphDataSource, type GatewayContext } from './subgraph-data-source';
import { subgraphReadinessChecks } from './subgraph-readiness';
import { supergraphSubgraphs } from './supergraph-subgraphs';

export interface GatewayServiceOptions {
  config: GatewayConfig;
  logger: Logger;
  /** The composed supergraph; read from SUPERGRAPH_PATH when omitted. Tests pass their own. */
  supergraphSdl?: string;
}

/**
 * The gateway: an ApolloGateway over the checked-in supergraph (no composition at start-up), on
 * the same HTTP app as every subgraph (health, metrics, request id), with GraphiQL for browsers.
 */
export function createGatewayService({ config, logger, supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8') }: GatewayServiceOptions) {
  const subgraphs = supergraphSubgraphs(supergraphSdl, subgraphUrlOverrides(config));
  const urls = new Map(subgraphs.map(({ name, url }) => [name, url]));
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => new SubgraphDataSource({ name, url: urls.get(name) ?? url ?? '', timeoutMs: config.SUBGRAPH_TIMEOUT_MS }),
  });
  validateVariablesWithCompiledCode(gateway);
  const server = createGraphQLHttpServer<GatewayContext>({
    name: 'gateway',
    logger,
    graphql: { gateway },
    port: config.PORT,
    context: async () => ({ requestContext: currentRequestContext() }),
    readinessChecks: subgraphReadinessChecks(subgraphs),
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    handlers: [graphiqlRouter()],
    validationRules: [depthLimitRule(config.MAX_QUERY_DEPTH)],
  });
  return {
    start: () => server.start(),
    stop: () => server.stop(),
    registry: server.registry,
  };
}

export type GatewayService = ReturnType<typeof createGatewayService>;
