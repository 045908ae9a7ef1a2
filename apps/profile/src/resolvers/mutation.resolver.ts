import type { Resolvers } from '../generated/graphql';

export const mutationResolvers: Resolvers = {
  Mutation: {
    upsertCustomers: (_root, { input }, { upsertCustomers, traceparent }) => upsertCustomers.execute(input.customers, traceparent),
  },
};
