import { ConflictError, InputError, NotFoundError, withoutNulls } from '@rekindle/util';
import { updatableWhileRunning, type ExperimentPatch } from '@rekindle/experiment-core';
import { inTransaction, isUniqueViolation, type DataSource } from '@rekindle/platform-database';
import { canonicalJson, definitionOf, type ExperimentModel } from '../data/experiment.model';
import type { ExperimentRepository } from '../data/experiment.repository';

/**
 * Changes an experiment's definition as far as its status allows (experiment-core's
 * updatableWhileRunning: everything while DRAFT; once started only what never moves a customer or
 * changes what is measured). Issues name their field under `set.`, e.g. `set.variants[1].weight`.
 * A patch that changes nothing writes nothing.
 */
export class UpdateExperimentUseCase {
  constructor(private readonly deps: { dataSource: DataSource; experiments: ExperimentRepository }) {}

  async execute(key: string, set: unknown): Promise<ExperimentModel> {
    const patch = withoutNulls(set) as ExperimentPatch;
    try {
      return await inTransaction(this.deps.dataSource, async (manager) => {
        const current = await this.deps.experiments.findByKey(manager, key, 'update');
        if (!current) throw new NotFoundError('Experiment', key);
        const before = definitionOf(current);
        const result = updatableWhileRunning(before, patch);
        if (!result.ok) throw new InputError(result.issues.map((i) => ({ ...i, field: `set.${i.field}` })));
        if (canonicalJson(result.definition) === canonicalJson(before)) return current;
        return this.deps.experiments.updateDefinition(manager, current.id, result.definition);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`experiment key "${String(patch.key)}" is already in use`, { field: 'set.key', key: patch.key });
      }
      throw error;
    }
  }
}
