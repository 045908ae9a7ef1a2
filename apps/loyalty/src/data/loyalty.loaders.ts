import DataLoader from 'dataloader';
import type { DataSource } from '@rekindle/platform-database';
import type { Lot, Month } from '@rekindle/loyalty-core';
import type { LoyaltyAccountModel } from './account.repository';
import type { LedgerEntryModel, LedgerPage } from './ledger.repository';
import type { ProgramVersionModel } from './program.repository';
import type { LoyaltyRepositories } from './repositories';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isCustomerId = (id: string) => UUID.test(id);

export interface LoyaltyLoaders {
  accounts: DataLoader<string, LoyaltyAccountModel | null>;
  balances: DataLoader<string, number>;
  lots: DataLoader<string, Lot[]>;
  activeMonths: DataLoader<string, Set<Month>>;
  growth: DataLoader<string, Map<Month, number>>;
  ledgerPages: DataLoader<{ customerId: string; page: LedgerPage }, LedgerEntryModel[], string>;
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
  const valid = (ids: readonly string[]) => ids.filter(isCustomerId).map((id) => id.toLowerCase());
  const key = (id: string) => id.toLowerCase();
  let program: Promise<ProgramVersionModel> | undefined;
  return {
    accounts: new DataLoader(async (ids) => {
      const found = new Map((await repos.accounts.findByIds(manager, valid(ids))).map((a) => [a.customerId, a]));
      return ids.map((id) => found.get(key(id)) ?? null);
    }),
    balances: new DataLoader(async (ids) => {
      const found = await repos.ledger.balancesOf(manager, valid(ids));
      return ids.map((id) => found.get(key(id)) ?? 0);
    }),
    lots: new DataLoader(async (ids) => {
      const found = await repos.ledger.openLotsOf(manager, valid(ids));
      return ids.map((id) => found.get(key(id)) ?? []);
    }),
    activeMonths: new DataLoader(async (ids) => {
      const found = await repos.activity.activeMonthsOf(manager, valid(ids));
      return ids.map((id) => found.get(key(id)) ?? new Set<Month>());
    }),
    growth: new DataLoader(async (ids) => {
      const found = await repos.activity.growthOf(manager, valid(ids));
      return ids.map((id) => found.get(key(id)) ?? new Map<Month, number>());
    }),
    ledgerPages: new DataLoader(
      async (keys) => {
        // Customers asked for with the same page arguments share one query.
        const groups = new Map<string, { page: LedgerPage; ids: string[] }>();
        for (const { customerId, page } of keys) {
          const group = groups.get(JSON.stringify(page)) ?? { page, ids: [] };
          group.ids.push(customerId);
          groups.set(JSON.stringify(page), group);
        }
        const results = new Map<string, Map<string, LedgerEntryModel[]>>();
        for (const [groupKey, group] of groups) results.set(groupKey, await repos.ledger.pages(manager, valid(group.ids), group.page));
        return keys.map(({ customerId, page }) => results.get(JSON.stringify(page))?.get(key(customerId)) ?? []);
      },
      { cacheKeyFn: (k) => `${k.customerId}:${JSON.stringify(k.page)}` },
    ),
    ledgerCounts: new DataLoader(async (ids) => {
      const found = await repos.ledger.countsOf(manager, valid(ids));
      return ids.map((id) => found.get(key(id)) ?? 0);
    }),
    program: () => (program ??= repos.programs.current(manager)),
  };
}
