import type { Resolvers } from '../generated/graphql';

export const mutationResolvers: Resolvers = {
  Mutation: {
    upsertCustomers: (_root, { input }, { upsertCustomers, traceparent }) => upsertCustomers.execute(input.customers, traceparent),
    recordEvents: (_root, { input }, { recordEvents, traceparent }) => recordEvents.execute(input.events, traceparent),
    updateConsents: (_root, { input }, { updateConsents, traceparent }) => updateConsents.execute(input.consents, traceparent),
    recomputeProfiles: async (_root, _args, { jobs }) => {
      const run = await jobs.runNow();
      return run.ran ? run.result : { customersScored: 0, rfmChanged: 0, lifecycleChanged: 0, tookMs: 0 };
    },
  },
};
