import { NotFoundError } from '@rekindle/contracts';
import type { Resolvers } from '../generated/graphql';

export const mutationResolvers: Resolvers = {
  Mutation: {
    redeemPoints: (_root, { input }, { spendPoints, traceparent }) => spendPoints.redeem(input, traceparent),
    adjustPoints: (_root, { input }, { spendPoints, traceparent }) => spendPoints.adjust(input, traceparent),
    updateLoyaltyProgram: (_root, { input }, { updateLoyaltyProgram }) => updateLoyaltyProgram.execute(input),
    runLoyaltyJobs: (_root, _args, { runLoyaltyJobs }) => runLoyaltyJobs.execute(),
  },
  PointsMovementPayload: {
    account: async (payload, _args, { loaders }) => {
      const account = await loaders.accounts.load(payload.customerId);
      if (!account) throw new NotFoundError('LoyaltyAccount', payload.customerId);
      return account;
    },
  },
};
