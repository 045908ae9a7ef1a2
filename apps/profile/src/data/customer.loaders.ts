import DataLoader from 'dataloader';
import type { DataSource } from '@rekindle/platform-database';
import type { CustomerModel } from './customer.model';
import type { CustomerRepository } from './customer.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CustomerLoaders {
  byId: DataLoader<string, CustomerModel | null>;
  byExternalId: DataLoader<string, CustomerModel | null>;
}

/** Per-request loaders: a page of 50 customers or 50 entity references cost one query, not 50. */
export function createCustomerLoaders(dataSource: DataSource, customers: CustomerRepository): CustomerLoaders {
  const loaders: CustomerLoaders = {
    byId: new DataLoader(async (ids) => {
      const found = await customers.findByIds(dataSource.manager, ids.filter((id) => UUID.test(id)));
      const byId = new Map(found.map((c) => [c.id, c]));
      found.forEach((c) => loaders.byExternalId.prime(c.externalId, c));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    byExternalId: new DataLoader(async (externalIds) => {
      const found = await customers.findByExternalIds(dataSource.manager, externalIds);
      const byExternalId = new Map(found.map((c) => [c.externalId, c]));
      found.forEach((c) => loaders.byId.prime(c.id, c));
      return externalIds.map((id) => byExternalId.get(id) ?? null);
    }),
  };
  return loaders;
}

export const isCustomerId = (id: string) => UUID.test(id);
