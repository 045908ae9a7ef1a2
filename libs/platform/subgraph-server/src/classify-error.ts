import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '@rekindle/util';

export type ErrorClass =
  /** Thrown on purpose by a use case or core: its message and details are for the client. */
  | { kind: 'domain'; error: DomainError }
  /** A bug or an infrastructure failure: logged with its stack, never shown. */
  | { kind: 'internal'; error: Error }
  /** Produced by GraphQL itself, Apollo, or a subgraph (through the gateway): safe to show as is. */
  | { kind: 'graphql'; code: string | undefined };

const SERVER_CODES = new Set<string>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SUBGRAPH_UNAVAILABLE, 'DOWNSTREAM_SERVICE_ERROR']);

export function errorCode(error: unknown): string | undefined {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function classifyError(error: unknown): ErrorClass {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof DomainError) return { kind: 'domain', error: original };
  const code = errorCode(error);
  // A coded error (BAD_USER_INPUT from variable coercion, a subgraph's code) may wrap a plain Error, e.g. a scalar's parse failure.
  if (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR) return { kind: 'graphql', code };
  if (original instanceof Error && !(original instanceof GraphQLError)) return { kind: 'internal', error: original };
  return { kind: 'graphql', code };
}

/** Whether the server, not the client, is at fault: what the metrics call a `server_error`. */
export function isServerError(error: unknown): boolean {
  const classified = classifyError(error);
  if (classified.kind !== 'graphql') return classified.kind === 'internal';
  return classified.code === undefined || SERVER_CODES.has(classified.code);
}
