import type { ApolloGateway } from '@apollo/gateway';
import { getVariableValues, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileVariableParsing, failToParseVariables } from 'graphql-jit/dist/variables';
import { compileOnRepeat } from '@rekindle/platform-subgraph-server';

interface ValidatedRequest {
  request: { variables?: Record<string, unknown> };
}
interface ValidatedOperation {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
}
type ValidateIncomingRequest = (request: ValidatedRequest, operation: ValidatedOperation) => readonly GraphQLError[];

/**
 * ApolloGateway checks each request's variables against the API schema with graphql-js's
 * getVariableValues, in its private validateIncomingRequest, and throws the coerced values away;
 * for a large recordEvents call that walk is a large share of the gateway's CPU (docs/performance.md).
 * Here an operation seen before is checked by code graphql-jit compiled for its variables, which
 * costs less; only variables it rejects go through graphql-js, so every error reads as before. What is
 * lost is the gateway's OpenTelemetry span around the check, which Rekindle does not export.
 *
 * @apollo/gateway is pinned; an upgrade that renames the method fails here, at start-up.
 */
export function validateVariablesWithCompiledCode(gateway: ApolloGateway): void {
  const target = gateway as unknown as { validateIncomingRequest?: ValidateIncomingRequest };
  if (typeof target.validateIncomingRequest !== 'function') {
    throw new Error('ApolloGateway has no validateIncomingRequest any more: compiled variable validation needs revisiting');
  }
  const compiled = compileOnRepeat((operation: OperationDefinitionNode, schema: GraphQLSchema) =>
    compileVariableParsing(schema, operation.variableDefinitions ?? []),
  );
  target.validateIncomingRequest = ({ request }, { schema, operation }) => {
    const definitions = operation.variableDefinitions;
    if (!definitions || definitions.length === 0) return [];
    const variables = request.variables ?? {};
    const parse = compiled(operation, schema);
    if (parse && !failToParseVariables(parse(variables))) return [];
    return getVariableValues(schema, definitions, variables).errors ?? [];
  };
}
