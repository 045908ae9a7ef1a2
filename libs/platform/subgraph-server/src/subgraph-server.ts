import type { BaseContext } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { scalarResolvers } from '@rekindle/contracts';
import { jitExecutedSchema } from './jit-executor';
import { createGraphQLHttpServer, type GraphQLHttpServer, type GraphQLHttpServerOptions } from './graphql-http-server';

type SchemaModule = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>;

/** A resolver map: typically the `Resolvers` type generated from the subgraph's SDL. */
export type SubgraphResolvers = Record<string, unknown>;

export interface SubgraphServerOptions<TContext extends BaseContext> extends Omit<GraphQLHttpServerOptions<TContext>, 'graphql' | 'handlers'> {
  /** The subgraph's SDL, read from its schema.graphql. */
  typeDefs: string;
  resolvers: SubgraphResolvers;
}

export type SubgraphServer = GraphQLHttpServer;

/** A Federation v2 subgraph: the SDL and resolvers (plus the shared scalars) on the shared HTTP server, executed by graphql-jit once an operation repeats. */
export function createSubgraphServer<TContext extends BaseContext>({ typeDefs, resolvers, ...options }: SubgraphServerOptions<TContext>): SubgraphServer {
  const schema = buildSubgraphSchema({
    typeDefs: parse(typeDefs),
    // Generated resolver maps type each field precisely; buildSubgraphSchema wants its looser index type.
    resolvers: { ...scalarResolvers, ...resolvers } as SchemaModule['resolvers'],
  });
  return createGraphQLHttpServer({ ...options, graphql: { gateway: jitExecutedSchema(schema) } });
}
