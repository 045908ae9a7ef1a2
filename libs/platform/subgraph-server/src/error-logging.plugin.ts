import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from '@rekindle/platform-logger';
import { classifyError, errorCode, isServerError } from './classify-error';

function logError(logger: Logger, error: GraphQLError, operationName: string | undefined): void {
  const fields = { operationName, path: error.path?.join('.') };
  const classified = classifyError(error);
  if (classified.kind === 'internal') {
    logger.error({ ...fields, err: classified.error }, 'unexpected error in GraphQL operation');
  } else if (isServerError(error)) {
    logger.warn({ ...fields, code: errorCode(error), serviceName: error.extensions['serviceName'] }, error.message);
  } else {
    logger.info({ ...fields, code: errorCode(error) }, error.message);
  }
}

/**
 * Logs every error of an operation (the logger adds requestId and traceId): unexpected ones at
 * `error` with their stack, which formatError then masks; server-side failures such as an
 * unavailable subgraph at `warn`; the client's mistakes at `info`.
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) logError(logger, error, operationName ?? undefined);
        },
      };
    },
  };
}
