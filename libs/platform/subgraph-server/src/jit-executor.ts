import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type Source } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { compileOnRepeat } from './compile-on-repeat';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = Awaited<ReturnType<Gateway['load']>>['executor'];

/**
 * A subgraph schema served through Apollo Server's gateway interface, so that an operation seen
 * before runs as code graphql-jit compiled for it, which coerces a large recordEvents call for far
 * less than graphql-js's walk (docs/performance.md). Variables jit rejects, operations seen once and
 * operations jit cannot compile run through graphql-js's `execute`, so every complaint about input
 * reads as graphql-js words it (formatError and Apollo's BAD_USER_INPUT depend on those words).
 */
export function jitExecutedSchema(schema: GraphQLSchema): Gateway {
  const compiled = compileOnRepeat((operation: OperationDefinitionNode, document: DocumentNode) =>
    compileQuery(schema, document, operation.name?.value),
  );
  const executor: Executor = async ({ document, operation, request, context: contextValue }) => {
    const variableValues = request.variables ?? {};
    const query = compiled(operation, document);
    if (query && isCompiledQuery(query)) {
      const result = await query.query(undefined, contextValue, variableValues);
      // Without data, jit stopped at the variables: graphql-js says what is wrong with them.
      if ('data' in result) return result.errors ? { ...result, errors: result.errors.map((e) => asGraphQLJsError(e, document.loc?.source)) } : result;
    }
    return execute({ schema, document, operationName: operation.name?.value, contextValue, variableValues });
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ schema, executor }),
    stop: async () => undefined,
  };
}

/** jit's errors carry locations but no source positions, and may lack extensions, which Apollo and formatError read. */
function asGraphQLJsError(error: GraphQLError, source: Source | undefined): GraphQLError {
  const positions = source && error.locations?.map(({ line, column }) => offsetOf(source.body, line, column));
  return new GraphQLError(error.message, { source, positions, path: error.path, originalError: error.originalError, extensions: error.extensions });
}

function offsetOf(body: string, line: number, column: number): number {
  let offset = 0;
  for (let at = 1; at < line; at += 1) offset = body.indexOf('\n', offset) + 1;
  return offset + column - 1;
}
