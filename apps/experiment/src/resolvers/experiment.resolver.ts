import type { Resolvers } from '../generated/graphql';
import { conversionWindowOf, variantsOf } from './variant-view';

export const experimentResolvers: Resolvers = {
  Experiment: {
    __resolveReference: (reference, { loaders }) => loaders.byId.load(reference.id),
    variants: (experiment) => variantsOf(experiment),
    hashVersion: () => 2,
    conversionWindow: (experiment) => conversionWindowOf(experiment),
    results: (experiment, _args, { results }) => results.execute(experiment),
  },
};
