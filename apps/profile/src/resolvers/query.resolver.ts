import { uuidOrThrow } from '@rekindle/util';
import type { Resolvers } from '../generated/graphql';

export const queryResolvers: Resolvers = {
  Query: {
    customer: (_root, { id }, { loaders }) => loaders.byId.load(uuidOrThrow(id, 'id', 'is not a customer id')),
    customerByExternalId: (_root, { externalId }, { loaders }) => loaders.byExternalId.load(externalId),
    customers: (_root, args, { listCustomers }) => listCustomers.execute(args),
    dormancyOverview: (_root, _args, { dormancyOverview }) => dormancyOverview.execute(),
  },
};
