import { GraphQLError } from 'graphql';
import { ConflictError, InputError, NotFoundError } from '@rekindle/util';
import { isServerError } from './classify-error';
import { formatError, INTERNAL_ERROR_MESSAGE } from './format-error';

/** What Apollo Server hands to formatError for an error thrown by a resolver at `path`. */
function fromResolver(thrown: Error, path = ['upsertCustomers']) {
  const error = new GraphQLError(thrown.message, { path, originalError: thrown });
  const formatted = { message: thrown.message, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  return [formatted, error] as const;
}

describe('formatError', () => {
  it('gives an InputError its code, field and issues', () => {
    const thrown = new InputError([{ field: 'customers[1].email', message: 'must be an email address', index: 1 }]);
    expect(formatError(...fromResolver(thrown))).toEqual({
      message: 'customers[1].email: must be an email address',
      path: ['upsertCustomers'],
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'customers[1].email',
        issues: [{ field: 'customers[1].email', message: 'must be an email address', index: 1 }],
      },
    });
  });

  it('gives NotFoundError and ConflictError their codes and details', () => {
    expect(formatError(...fromResolver(new NotFoundError('Customer', '42'))).extensions).toEqual({ code: 'NOT_FOUND', entity: 'Customer', id: '42' });
    expect(formatError(...fromResolver(new ConflictError('already running', { campaignId: 'c1' }))).extensions).toEqual({
      code: 'CONFLICT',
      campaignId: 'c1',
    });
  });

  it('masks an unexpected error', () => {
    const formatted = formatError(...fromResolver(new Error('password authentication failed for user "rekindle"')));
    expect(formatted).toEqual({ message: INTERNAL_ERROR_MESSAGE, path: ['upsertCustomers'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('masks an unexpected error outside any field (context creation)', () => {
    const thrown = new Error('connect ECONNREFUSED 10.0.0.7:5432');
    const error = new GraphQLError(`Context creation failed: ${thrown.message}`, { originalError: thrown, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error).message).toBe(INTERNAL_ERROR_MESSAGE);
  });

  it('turns a variable coercion error into BAD_USER_INPUT naming the field, even when a scalar threw a plain Error', () => {
    const message = 'Variable "$input" got invalid value "yesterday" at "input.customers[2].birthDate"; Value is not a valid Date: yesterday';
    const error = new GraphQLError(message, { originalError: new TypeError('Value is not a valid Date: yesterday'), extensions: { code: 'BAD_USER_INPUT' } });
    expect(formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, error)).toEqual({
      message,
      extensions: { code: 'BAD_USER_INPUT', field: 'customers[2].birthDate' },
    });
  });

  it('turns a validation error about a literal input value into BAD_USER_INPUT', () => {
    const message = 'Field "nickname" is not defined by type "CustomerInput".';
    const error = new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatError({ message, locations: [{ line: 1, column: 40 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error)).toEqual({
      message,
      locations: [{ line: 1, column: 40 }],
      extensions: { code: 'BAD_USER_INPUT', field: 'nickname' },
    });
  });

  it('passes other GraphQL errors and subgraph errors relayed by the gateway through unchanged', () => {
    const validation = { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatError(validation, new GraphQLError(validation.message, { extensions: validation.extensions }))).toBe(validation);

    const relayed = { message: 'Customer 42 was not found', path: ['customer'], extensions: { code: 'NOT_FOUND', serviceName: 'profile' } };
    const error = new GraphQLError(relayed.message, { path: ['customer'], originalError: { message: relayed.message } as Error, extensions: relayed.extensions });
    expect(formatError(relayed, error)).toBe(relayed);
  });

  it('leaves an output serialization failure as a server error, not an input error', () => {
    const message = 'Int cannot represent non-integer value: 1.5';
    const formatted = { message, path: ['count'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    const error = new GraphQLError(message, { path: ['count'], originalError: new GraphQLError(message) });
    expect(formatError(formatted, error)).toBe(formatted);
    expect(isServerError(error)).toBe(true);
  });
});

describe('isServerError', () => {
  it('blames the server for unexpected errors and unavailable subgraphs, the client for the rest', () => {
    expect(isServerError(fromResolver(new Error('boom'))[1])).toBe(true);
    expect(isServerError(new GraphQLError('down', { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }))).toBe(true);
    expect(isServerError(fromResolver(new NotFoundError('Customer', '1'))[1])).toBe(false);
    expect(isServerError(new GraphQLError('bad', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }))).toBe(false);
  });
});
