import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { decimalParts, MONEY_DECIMALS, MONEY_MAX_INTEGER_DIGITS } from '@rekindle/util';

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const parts = typeof text === 'string' ? decimalParts(text) : null;
  if (!parts || parts.whole.length > MONEY_MAX_INTEGER_DIGITS || parts.fraction.length > MONEY_DECIMALS) {
    throw new GraphQLError(
      `Decimal must be a number with at most ${MONEY_MAX_INTEGER_DIGITS} integer digits and ${MONEY_DECIMALS} decimals, e.g. "12.50"`,
    );
  }
  return text as string;
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
