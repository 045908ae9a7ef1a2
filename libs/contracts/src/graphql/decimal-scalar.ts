import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?\d{1,14}(\.\d{1,4})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) {
    throw new GraphQLError('Decimal must be a number with at most 14 integer digits and 4 decimals, e.g. "12.50"');
  }
  return text;
}

/**
 * Exact money and quantities (DESIGN.md §4): a decimal string on the wire, never a float. Inputs
 * may be strings or JSON numbers; outputs are strings as PostgreSQL's numeric gives them.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "12.50".',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT && ast.kind !== Kind.FLOAT) {
      throw new GraphQLError('Decimal must be a string or a number literal');
    }
    return parseDecimal(ast.value);
  },
});
