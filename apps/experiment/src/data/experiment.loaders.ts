import DataLoader from 'dataloader';
import type { DataSource } from '@rekindle/platform-database';
import type { ExperimentModel } from './experiment.model';
import type { ExperimentRepository } from './experiment.repository';
import type { CustomerAssignmentRow, ExposureRepository } from './exposure.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string) => UUID.test(id);

export interface ExperimentLoaders {
  byId: DataLoader<string, ExperimentModel | null>;
  byKey: DataLoader<string, ExperimentModel | null>;
  /** A customer's assignments, most recent first. */
  assignmentsByCustomer: DataLoader<string, CustomerAssignmentRow[]>;
}

/** Per-request loaders: a page of 50 customers or 50 entity references costs one query, not 50. */
export function createExperimentLoaders(dataSource: DataSource, experiments: ExperimentRepository, exposures: ExposureRepository): ExperimentLoaders {
  const { manager } = dataSource;
  const loaders: ExperimentLoaders = {
    byId: new DataLoader(async (ids) => {
      const found = await experiments.findByIds(manager, ids.filter(isUuid));
      const byId = new Map(found.map((e) => [e.id, e]));
      found.forEach((e) => loaders.byKey.prime(e.key, e));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    byKey: new DataLoader(async (keys) => {
      const found = await experiments.findByKeys(manager, keys);
      const byKey = new Map(found.map((e) => [e.key, e]));
      found.forEach((e) => loaders.byId.prime(e.id, e));
      return keys.map((key) => byKey.get(key) ?? null);
    }),
    assignmentsByCustomer: new DataLoader(async (ids) => {
      const rows = await exposures.byCustomers(manager, ids.filter(isUuid).map((id) => id.toLowerCase()));
      const byCustomer = new Map<string, CustomerAssignmentRow[]>();
      for (const row of rows) {
        const list = byCustomer.get(row.customerId) ?? [];
        list.push(row);
        byCustomer.set(row.customerId, list);
      }
      return ids.map((id) => byCustomer.get(id.toLowerCase()) ?? []);
    }),
  };
  return loaders;
}
