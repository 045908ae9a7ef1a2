import { NotFoundError } from '@rekindle/util';
import type { Resolvers } from '../generated/graphql';

export const mutationResolvers: Resolvers = {
  Mutation: {
    redeemPoints: (_root, { input }, { spendPoints, traceparent }) => spendPoints.redeem(input, traceparent),
    adjustPoints: (_root, { input }, { spendPoints, traceparent }) => spendPoints.adjust(input, traceparent),
    updateLoyaltyProgram: (_root, { input }, { updateLoyaltyProgram }) => updateLoyaltyProgram.execute(input),
    runLoyaltyJobs: async (_root, _args, { jobs, runLoyaltyJobs }) => {
      const run = await jobs.runNow();
      return run.ran ? run.result : runLoyaltyJobs.skipped();
    },
  },
  PointsMovementPayload: {
    account: async (payload, _args, { loaders }) => {
      const account = await loaders.accounts.load(payload.customerId);
      if (!account) throw new NotFoundError('LoyaltyAccount', payload.customerId);
      return account;
    },
  },
};
