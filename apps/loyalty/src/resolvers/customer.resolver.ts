import type { Resolvers } from '../generated/graphql';

export const customerResolvers: Resolvers = {
  Customer: {
    __resolveReference: (reference) => ({ id: reference.id }),
    loyalty: (customer, _args, { loaders }) => loaders.accounts.load(customer.id),
  },
};
