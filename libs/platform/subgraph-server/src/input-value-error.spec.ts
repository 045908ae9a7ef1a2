import { buildSchema, parse, validate, getVariableValues, type OperationDefinitionNode } from 'graphql';
import { inputValueError } from './input-value-error';

const schema = buildSchema(`
  input CustomerInput { externalId: String!, email: String, age: Int }
  input UpsertCustomersInput { customers: [CustomerInput!]! }
  input CustomerFilter { search: String }
  type Query { customers(first: Int, filter: CustomerFilter, ids: [ID!]): Int, upsert(input: UpsertCustomersInput!): Int }
`);

/** The message graphql-js itself produces for these variables, so the parser is tested against the real text. */
function coercionMessage(variables: Record<string, unknown>): string {
  const document = parse(`query($input: UpsertCustomersInput!, $first: Int, $filter: CustomerFilter, $ids: [ID!]) {
    upsert(input: $input) customers(first: $first, filter: $filter, ids: $ids)
  }`);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (!result.errors?.[0]) throw new Error('expected a coercion error');
  return result.errors[0].message;
}

function validationMessage(query: string): string {
  const [error] = validate(schema, parse(query));
  if (!error) throw new Error('expected a validation error');
  return error.message;
}

const customers = [{ externalId: 'a' }, { externalId: 'b' }, { externalId: 'c' }];

describe('inputValueError', () => {
  it.each([
    ['an unknown field of a list item', { input: { customers: [...customers, { externalId: 'd', nickname: 'x' }] } }, 'customers[3].nickname'],
    ['a missing required field of a list item', { input: { customers: [{ externalId: 'a' }, { email: 'b@x' }] } }, 'customers[1].externalId'],
    ['a value of the wrong type in an item', { input: { customers: [{ externalId: 'a', age: 'old' }] } }, 'customers[0].age'],
    ['an unknown field at the top of the input', { input: { customers, colour: 'red' } }, 'colour'],
    ['a missing field at the top of the input', { input: {} }, 'customers'],
    ['a missing input variable', {}, 'input'],
    ['another variable of the wrong type', { input: { customers }, first: 'ten' }, 'first'],
    ['an unknown field of another variable', { input: { customers }, filter: { serch: 'x' } }, 'filter.serch'],
    ['an item of a list variable', { input: { customers }, ids: ['1', null] }, 'ids[1]'],
  ])('names the field at fault for %s', (_case, variables, field) => {
    expect(inputValueError(coercionMessage(variables))).toEqual({ field });
  });

  it('finds the real path even when the printed value contains a decoy', () => {
    const decoy = 'x at "input.customers[9]"; Field "decoy" is not defined by type "CustomerInput".';
    const message = coercionMessage({ input: { customers: [{ externalId: decoy }, { externalId: 'b', nickname: decoy }] } });
    expect(inputValueError(message)).toEqual({ field: 'customers[1].nickname' });
  });

  it('reads literal arguments that fail validation', () => {
    expect(inputValueError(validationMessage('{ upsert(input: { customers: [{ externalId: "a", nickname: "x" }] }) }'))).toEqual({ field: 'nickname' });
    expect(inputValueError(validationMessage('{ upsert(input: { customers: [{ email: "a" }] }) }'))).toEqual({ field: 'externalId' });
    expect(inputValueError(validationMessage('{ customers(first: "ten") }'))).toEqual({});
  });

  it('leaves other messages alone', () => {
    expect(inputValueError('Cannot query field "nope" on type "Query".')).toBeUndefined();
    expect(inputValueError('customers[1].email: must be an email address')).toBeUndefined();
    expect(inputValueError('Syntax Error: Expected Name, found <EOF>.')).toBeUndefined();
  });
});
