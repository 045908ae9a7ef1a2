import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';

/** The scalars every subgraph declares in its SDL: DateTime (ISO-8601), Date (YYYY-MM-DD), JSON (an object). */
export const scalarResolvers = {
  DateTime: DateTimeResolver,
  Date: new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date' }),
  JSON: new GraphQLScalarType({ ...JSONObjectResolver.toConfig(), name: 'JSON' }),
};
