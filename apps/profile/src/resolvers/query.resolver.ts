import { InputError } from '@rekindle/contracts';
import { isCustomerId } from '../data/customer.loaders';
import type { Resolvers } from '../generated/graphql';

export const queryResolvers: Resolvers = {
  Query: {
    customer: (_root, { id }, { loaders }) => {
      if (!isCustomerId(id)) throw new InputError([{ field: 'id', message: 'is not a customer id' }]);
      return loaders.byId.load(id);
    },
    customerByExternalId: (_root, { externalId }, { loaders }) => loaders.byExternalId.load(externalId),
    customers: (_root, args, { listCustomers }) => listCustomers.execute(args),
    dormancyOverview: (_root, _args, { dormancyOverview }) => dormancyOverview.execute(),
  },
};
