import type DataLoader from 'dataloader';
import type { DataSource } from '@rekindle/platform-database';
import { createIdLoader } from '@rekindle/platform-subgraph-server';
import type { CustomerModel } from './customer.model';
import type { CustomerRepository } from './customer.repository';

export interface CustomerLoaders {
  byId: DataLoader<string, CustomerModel | null>;
  byExternalId: DataLoader<string, CustomerModel | null>;
}

/** Per-request loaders: a page of 50 customers or 50 entity references cost one query, not 50. */
export function createCustomerLoaders(dataSource: DataSource, customers: CustomerRepository): CustomerLoaders {
  const { manager } = dataSource;
  const loaders: CustomerLoaders = {
    byId: createIdLoader(
      async (ids) => {
        const found = await customers.findByIds(manager, ids);
        found.forEach((c) => loaders.byExternalId.prime(c.externalId, c));
        return new Map(found.map((c) => [c.id, c]));
      },
      { missing: null },
    ),
    byExternalId: createIdLoader(
      async (externalIds) => {
        const found = await customers.findByExternalIds(manager, externalIds);
        found.forEach((c) => loaders.byId.prime(c.id, c));
        return new Map(found.map((c) => [c.externalId, c]));
      },
      { missing: null, canonical: (externalId) => externalId },
    ),
  };
  return loaders;
}
