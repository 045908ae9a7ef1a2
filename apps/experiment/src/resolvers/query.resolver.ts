import { InputError } from '@rekindle/contracts';
import { isUuid } from '../data/experiment.loaders';
import type { Resolvers } from '../generated/graphql';

export const queryResolvers: Resolvers = {
  Query: {
    experiment: (_root, { id }, { loaders }) => {
      if (!isUuid(id)) throw new InputError([{ field: 'id', message: 'is not an experiment id' }]);
      return loaders.byId.load(id);
    },
    experimentByKey: (_root, { key }, { loaders }) => loaders.byKey.load(key),
    experiments: (_root, { first, after, status }, { listExperiments }) => listExperiments.execute({ first, after, status }),
  },
};
