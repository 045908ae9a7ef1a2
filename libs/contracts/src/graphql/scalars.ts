import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';
import { DecimalScalar } from './decimal-scalar';

/**
 * The scalars subgraphs declare in their SDL: DateTime (ISO-8601), Date (YYYY-MM-DD), JSON (an
 * object) and Decimal (exact, as a string).
 */
export const scalarResolvers = {
  DateTime: DateTimeResolver,
  Date: new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date' }),
  JSON: new GraphQLScalarType({ ...JSONObjectResolver.toConfig(), name: 'JSON' }),
  Decimal: DecimalScalar,
};
