import { createEvent, experimentStartedV1, experimentStoppedV1 } from '@rekindle/contracts';
import { ConflictError, NotFoundError } from '@rekindle/util';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, type DataSource } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import type { ExperimentModel } from '../data/experiment.model';
import type { ExperimentRepository } from '../data/experiment.repository';

export interface ChangeStatusResult {
  experiment: ExperimentModel;
  changed: boolean;
}

/**
 * The only ways the status moves: start (DRAFT -> RUNNING) and stop (RUNNING -> STOPPED), each
 * publishing its event in the same transaction. Asking for the state the experiment is already in
 * returns it unchanged (a retry is harmless); a stopped experiment never restarts, a draft one
 * cannot be stopped: CONFLICT.
 */
export class ChangeExperimentStatusUseCase {
  constructor(private readonly deps: { dataSource: DataSource; experiments: ExperimentRepository; clock: Clock; onEventsCommitted: () => void }) {}

  async start(key: string, traceparent?: string): Promise<ChangeStatusResult> {
    const result = await inTransaction(this.deps.dataSource, async (manager) => {
      const current = await this.deps.experiments.findByKey(manager, key, 'update');
      if (!current) throw new NotFoundError('Experiment', key);
      if (current.status === 'RUNNING') return { experiment: current, changed: false };
      if (current.status === 'STOPPED') {
        throw new ConflictError(`experiment "${key}" is stopped and cannot restart: create a new experiment`, { key, status: current.status });
      }
      const experiment = await this.deps.experiments.start(manager, current.id, this.deps.clock.now());
      await appendToOutbox(manager, [
        createEvent(experimentStartedV1, {
          time: experiment.startedAt ?? undefined,
          traceparent,
          data: {
            experimentId: experiment.id,
            experimentKey: experiment.key,
            variants: experiment.variants.map((v) => ({ key: v.key, weight: v.weight })),
            coverage: experiment.coverage,
            startedAt: (experiment.startedAt as Date).toISOString(),
          },
        }),
      ]);
      return { experiment, changed: true };
    });
    if (result.changed) this.deps.onEventsCommitted();
    return result;
  }

  async stop(key: string, traceparent?: string): Promise<ChangeStatusResult> {
    const result = await inTransaction(this.deps.dataSource, async (manager) => {
      const current = await this.deps.experiments.findByKey(manager, key, 'update');
      if (!current) throw new NotFoundError('Experiment', key);
      if (current.status === 'STOPPED') return { experiment: current, changed: false };
      if (current.status === 'DRAFT') {
        throw new ConflictError(`experiment "${key}" has not started: there is nothing to stop`, { key, status: current.status });
      }
      const experiment = await this.deps.experiments.stop(manager, current.id, this.deps.clock.now());
      await appendToOutbox(manager, [
        createEvent(experimentStoppedV1, {
          time: experiment.stoppedAt ?? undefined,
          traceparent,
          data: { experimentId: experiment.id, experimentKey: experiment.key, stoppedAt: (experiment.stoppedAt as Date).toISOString() },
        }),
      ]);
      return { experiment, changed: true };
    });
    if (result.changed) this.deps.onEventsCommitted();
    return result;
  }
}
