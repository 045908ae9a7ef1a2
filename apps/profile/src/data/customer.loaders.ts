import type DataLoader from 'dataloader';
import type { DataSource } from '@rekindle/platform-database';
import { createEntityLoaders } from '@rekindle/platform-subgraph-server';
import type { CustomerModel } from './customer.model';
import type { CustomerRepository } from './customer.repository';

export interface CustomerLoaders {
  byId: DataLoader<string, CustomerModel | null>;
  byExternalId: DataLoader<string, CustomerModel | null>;
}

/** Per-request loaders: a page of 50 customers or 50 entity references cost one query, not 50. */
export function createCustomerLoaders(dataSource: DataSource, customers: CustomerRepository): CustomerLoaders {
  const { manager } = dataSource;
  const { byId, byKey } = createEntityLoaders({
    findByIds: (ids) => customers.findByIds(manager, ids),
    findByKeys: (externalIds) => customers.findByExternalIds(manager, externalIds),
    idOf: (c) => c.id,
    keyOf: (c) => c.externalId,
  });
  return { byId, byExternalId: byKey };
}
