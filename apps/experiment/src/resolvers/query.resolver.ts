import { uuidOrThrow } from '@rekindle/util';
import type { Resolvers } from '../generated/graphql';

export const queryResolvers: Resolvers = {
  Query: {
    experiment: (_root, { id }, { loaders }) => loaders.byId.load(uuidOrThrow(id, 'id', 'is not an experiment id')),
    experimentByKey: (_root, { key }, { loaders }) => loaders.byKey.load(key),
    experiments: (_root, { first, after, status }, { listExperiments }) => listExperiments.execute({ first, after, status }),
  },
};
