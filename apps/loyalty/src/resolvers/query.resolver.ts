import { InputError } from '@rekindle/contracts';
import { isCustomerId } from '../data/loyalty.loaders';
import type { Resolvers } from '../generated/graphql';

export const queryResolvers: Resolvers = {
  Query: {
    loyaltyAccount: (_root, { customerId }, { loaders }) => {
      if (!isCustomerId(customerId)) throw new InputError([{ field: 'customerId', message: 'is not a customer id' }]);
      return loaders.accounts.load(customerId);
    },
    loyaltyProgram: (_root, _args, { loaders }) => loaders.program(),
    loyaltyOverview: (_root, _args, { loyaltyOverview }) => loyaltyOverview.execute(),
  },
};
