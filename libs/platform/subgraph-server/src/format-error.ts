import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@rekindle/util';
import { classifyError } from './classify-error';
import { inputValueError } from './input-value-error';

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

const INPUT_CODES = new Set<unknown>([ErrorCode.BAD_USER_INPUT, 'GRAPHQL_VALIDATION_FAILED']);

/**
 * Apollo's `formatError` for subgraphs and the gateway: domain errors keep their code and details,
 * GraphQL's own complaints about input values become BAD_USER_INPUT naming the field at fault,
 * and anything unexpected is masked (the error logging plugin has logged it with its stack).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { extensions, ...location } = formatted;
  const classified = classifyError(error);
  if (classified.kind === 'domain') {
    return { ...location, message: classified.error.message, extensions: { ...classified.error.details, code: classified.error.code } };
  }
  if (classified.kind === 'internal') {
    return { ...location, message: INTERNAL_ERROR_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  const input = !formatted.path && INPUT_CODES.has(extensions?.['code']) && extensions?.['field'] === undefined ? inputValueError(formatted.message) : undefined;
  if (input) return { ...location, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, ...input } };
  return formatted;
}
