import type { Resolvers } from '../generated/graphql';

export const customerResolvers: Resolvers = {
  Customer: {
    __resolveReference: (reference, { loaders }) => loaders.byId.load(reference.id),
  },
};
