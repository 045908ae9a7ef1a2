import type DataLoader from 'dataloader';
import type { DataSource } from '@rekindle/platform-database';
import { createIdLoader, createPagedLoader, type PageKey } from '@rekindle/platform-subgraph-server';
import type { Lot, Month } from '@rekindle/loyalty-core';
import type { LoyaltyAccountModel } from './account.repository';
import type { LedgerEntryModel, LedgerPage } from './ledger.repository';
import type { ProgramVersionModel } from './program.repository';
import type { LoyaltyRepositories } from './repositories';

export interface LoyaltyLoaders {
  accounts: DataLoader<string, LoyaltyAccountModel | null>;
  balances: DataLoader<string, number>;
  lots: DataLoader<string, Lot[]>;
  activeMonths: DataLoader<string, Set<Month>>;
  growth: DataLoader<string, Map<Month, number>>;
  ledgerPages: DataLoader<PageKey<LedgerPage>, LedgerEntryModel[], string>;
  ledgerCounts: DataLoader<string, number>;
  /** The current programme, read at most once per request. */
  program: () => Promise<ProgramVersionModel>;
}

/**
 * Per-request loaders: the loyalty of a page of 50 customers costs one query per field family
 * (accounts, balances, lots, months, growth, ledger pages), never one per customer.
 */
export function createLoyaltyLoaders(dataSource: DataSource, repos: LoyaltyRepositories): LoyaltyLoaders {
  const { manager } = dataSource;
  let program: Promise<ProgramVersionModel> | undefined;
  return {
    accounts: createIdLoader(async (ids) => new Map((await repos.accounts.findByIds(manager, ids)).map((a) => [a.customerId, a])), { missing: null }),
    balances: createIdLoader((ids) => repos.ledger.balancesOf(manager, ids), { missing: 0 }),
    lots: createIdLoader((ids) => repos.ledger.openLotsOf(manager, ids), { missing: [] }),
    activeMonths: createIdLoader((ids) => repos.activity.activeMonthsOf(manager, ids), { missing: new Set<Month>() }),
    growth: createIdLoader((ids) => repos.activity.growthOf(manager, ids), { missing: new Map<Month, number>() }),
    ledgerPages: createPagedLoader((ids, page) => repos.ledger.pages(manager, ids, page)),
    ledgerCounts: createIdLoader((ids) => repos.ledger.countsOf(manager, ids), { missing: 0 }),
    program: () => (program ??= repos.programs.current(manager)),
  };
}
