import type { Resolvers } from '../generated/graphql';
import { variantOf } from './variant-view';

export const mutationResolvers: Resolvers = {
  Mutation: {
    createExperiment: (_root, { input }, { createExperiment }) => createExperiment.execute(input),
    updateExperiment: async (_root, { input }, { updateExperiment }) => ({ experiment: await updateExperiment.execute(input.key, input.set) }),
    startExperiment: (_root, { input }, { changeStatus, traceparent }) => changeStatus.start(input.key, traceparent),
    stopExperiment: (_root, { input }, { changeStatus, traceparent }) => changeStatus.stop(input.key, traceparent),
    assign: async (_root, { experimentKey, customerId }, { assignVariants, traceparent }) => {
      const result = await assignVariants.assign(experimentKey, customerId, traceparent);
      return { ...result, variant: variantOf(result.experiment, result.variant) };
    },
    assignMany: (_root, { input }, { assignVariants, traceparent }) => assignVariants.assignMany(input.experimentKey, input.customerIds, traceparent),
    recordConversion: (_root, { input }, { recordConversion }) => recordConversion.execute(input),
  },
};
