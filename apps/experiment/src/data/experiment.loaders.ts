import type DataLoader from 'dataloader';
import type { DataSource } from '@rekindle/platform-database';
import { createEntityLoaders, createIdLoader } from '@rekindle/platform-subgraph-server';
import type { ExperimentModel } from './experiment.model';
import type { ExperimentRepository } from './experiment.repository';
import type { CustomerAssignmentRow, ExposureRepository } from './exposure.repository';

export interface ExperimentLoaders {
  byId: DataLoader<string, ExperimentModel | null>;
  byKey: DataLoader<string, ExperimentModel | null>;
  /** A customer's assignments, most recent first. */
  assignmentsByCustomer: DataLoader<string, CustomerAssignmentRow[]>;
}

/** Per-request loaders: a page of 50 customers or 50 entity references costs one query, not 50. */
export function createExperimentLoaders(dataSource: DataSource, experiments: ExperimentRepository, exposures: ExposureRepository): ExperimentLoaders {
  const { manager } = dataSource;
  return {
    ...createEntityLoaders({
      findByIds: (ids) => experiments.findByIds(manager, ids),
      findByKeys: (keys) => experiments.findByKeys(manager, keys),
      idOf: (e) => e.id,
      keyOf: (e) => e.key,
    }),
    assignmentsByCustomer: createIdLoader(
      async (ids) => {
        const byCustomer = new Map<string, CustomerAssignmentRow[]>();
        for (const row of await exposures.byCustomers(manager, ids)) {
          const rows = byCustomer.get(row.customerId) ?? [];
          rows.push(row);
          byCustomer.set(row.customerId, rows);
        }
        return byCustomer;
      },
      { missing: [] },
    ),
  };
}
