import { uuidOrThrow } from '@rekindle/util';
import type { Resolvers } from '../generated/graphql';

export const queryResolvers: Resolvers = {
  Query: {
    loyaltyAccount: (_root, { customerId }, { loaders }) => loaders.accounts.load(uuidOrThrow(customerId, 'customerId', 'is not a customer id')),
    loyaltyProgram: (_root, _args, { loaders }) => loaders.program(),
    loyaltyOverview: (_root, _args, { loyaltyOverview }) => loyaltyOverview.execute(),
  },
};
