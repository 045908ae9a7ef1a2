import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, withoutNulls } from '@rekindle/util';
import { validateExperimentDefinition } from '@rekindle/experiment-core';
import { inTransaction, type DataSource } from '@rekindle/platform-database';
import { fingerprintOf, type ExperimentModel } from '../data/experiment.model';
import type { ExperimentRepository } from '../data/experiment.repository';

export interface CreateExperimentResult {
  experiment: ExperimentModel;
  created: boolean;
}

/**
 * Creates a DRAFT experiment from a definition the core validates (every issue names its field).
 * Idempotent by key: the same definition again (compared as normalised, defaults applied) returns
 * the experiment created first; another definition under a key in use is a CONFLICT.
 */
export class CreateExperimentUseCase {
  constructor(private readonly deps: { dataSource: DataSource; experiments: ExperimentRepository }) {}

  async execute(input: unknown): Promise<CreateExperimentResult> {
    const validation = validateExperimentDefinition(withoutNulls(input));
    if (!validation.ok) throw new InputError(validation.issues);
    const definition = { ...validation.definition, status: 'DRAFT' as const };
    const fingerprint = fingerprintOf(definition);

    return inTransaction(this.deps.dataSource, async (manager) => {
      const created = await this.deps.experiments.insertIfNewKey(manager, randomUUID(), definition);
      if (created) return { experiment: created, created: true };
      const existing = await this.deps.experiments.findByKey(manager, definition.key);
      if (!existing) throw new Error(`experiment key ${definition.key} conflicted but no experiment has it`);
      if (existing.creationFingerprint !== fingerprint) {
        throw new ConflictError(`experiment key "${definition.key}" is already used by an experiment with a different definition`, {
          field: 'key',
          key: definition.key,
          experimentId: existing.id,
        });
      }
      return { experiment: existing, created: false };
    });
  }
}
