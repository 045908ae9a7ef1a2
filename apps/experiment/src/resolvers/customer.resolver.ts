import type { Resolvers } from '../generated/graphql';
import { variantOf } from './variant-view';

export const customerResolvers: Resolvers = {
  Customer: {
    __resolveReference: (reference) => ({ id: reference.id }),
    experiments: (customer, _args, { loaders }) => loaders.assignmentsByCustomer.load(customer.id),
  },
  ExperimentAssignment: {
    experiment: async (assignment, _args, { loaders }) => {
      const experiment = await loaders.byId.load(assignment.experimentId);
      if (!experiment) throw new Error(`experiment ${assignment.experimentId} of an exposure is missing`);
      return experiment;
    },
    variant: async (assignment, _args, { loaders }) => {
      const experiment = await loaders.byId.load(assignment.experimentId);
      const variant = experiment ? variantOf(experiment, assignment.variant) : null;
      if (!variant) throw new Error(`variant ${assignment.variant} of experiment ${assignment.experimentId} is missing`);
      return variant;
    },
  },
};
