import { decodeCursor, pageSize, toConnection } from '@rekindle/util';
import { demotionOutlook, growthLast12Months, monthOf, nextTier, pointsExpiringNext, privilegesFor, spendableBalance } from '@rekindle/loyalty-core';
import type { Resolvers } from '../generated/graphql';

export const accountResolvers: Resolvers = {
  LoyaltyAccount: {
    __resolveReference: (reference, { loaders }) => loaders.accounts.load(reference.id),
    customer: (account) => ({ id: account.customerId }),
    points: async (account, _args, { loaders, clock }) => spendableBalance(await loaders.lots.load(account.customerId), clock.now()),
    growthValue: async (account, _args, { loaders, clock }) => growthLast12Months(await loaders.growth.load(account.customerId), monthOf(clock.now())),
    lifetimeGrowthValue: async (account, _args, { loaders }) => {
      let sum = 0;
      for (const growth of (await loaders.growth.load(account.customerId)).values()) sum += growth;
      return Math.max(0, sum);
    },
    pointsExpiringNext: async (account, _args, { loaders, clock }) => pointsExpiringNext(await loaders.lots.load(account.customerId), clock.now()),
    nextTier: async (account, _args, { loaders, clock }) => {
      const now = clock.now();
      const [active, growth, { program }] = await Promise.all([
        loaders.activeMonths.load(account.customerId),
        loaders.growth.load(account.customerId),
        loaders.program(),
      ]);
      return nextTier({ tier: account.tier, activeMonthsSet: active, growthLast12Months: growthLast12Months(growth, monthOf(now)), now, program });
    },
    demotion: async (account, _args, { loaders, clock }) => {
      const [active, { program }] = await Promise.all([loaders.activeMonths.load(account.customerId), loaders.program()]);
      return demotionOutlook({ tier: account.tier, tierSince: account.tierSince, activeMonthsSet: active, now: clock.now(), program });
    },
    privileges: async (account, _args, { loaders }) => privilegesFor(account.tier, (await loaders.program()).program),
    ledger: async (account, { first, after }, { loaders }) => {
      const size = pageSize(first);
      const afterSeq = after ? decodeCursor(after, ['integer'])[0] : null;
      const [rows, totalCount] = await Promise.all([
        loaders.ledgerPages.load({ id: account.customerId, page: { size, afterSeq } }),
        loaders.ledgerCounts.load(account.customerId),
      ]);
      return { ...toConnection(rows, size, (entry) => [entry.seq]), totalCount };
    },
  },
  LoyaltyLedgerEntry: {
    shortfall: (entry) => (entry.type === 'REVERSAL' ? entry.shortfall : null),
    allocations: (entry) => entry.allocations,
  },
};
