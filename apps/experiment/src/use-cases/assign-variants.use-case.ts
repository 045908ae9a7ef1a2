import { createEvent, exposureRecordedV1, type CloudEvent } from '@rekindle/contracts';
import { canonicalUuid, InputError, NotFoundError, uuidOrThrow } from '@rekindle/util';
import { createAssigner, type Assigner } from '@rekindle/experiment-core';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, type DataSource, type EntityManager } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import type { ExperimentModel } from '../data/experiment.model';
import type { ExperimentRepository } from '../data/experiment.repository';
import type { ExposureRepository } from '../data/exposure.repository';

export type AssignmentStatus = 'ASSIGNED' | 'ALREADY_ASSIGNED' | 'OUTSIDE_COVERAGE' | 'NOT_RUNNING';

export interface Assignment {
  customerId: string;
  status: AssignmentStatus;
  /** The variant key; null unless the customer is (or was) in the experiment. */
  variant: string | null;
  exposedAt: Date | null;
}

export interface AssignManyResult {
  experiment: ExperimentModel;
  results: (Assignment & { index: number })[];
  rejected: { index: number; code: 'BAD_USER_INPUT' | 'DUPLICATE_IN_BATCH'; field: string; message: string }[];
  assigned: number;
  alreadyAssigned: number;
  outsideCoverage: number;
  notRunning: number;
}

export const MAX_ASSIGN_MANY = 10_000;
const MAX_CACHED_ASSIGNERS = 1_000;
const NOT_A_CUSTOMER_ID = 'is not a customer id (a UUID)';

export interface AssignVariantsDeps {
  dataSource: DataSource;
  experiments: ExperimentRepository;
  exposures: ExposureRepository;
  clock: Clock;
  onEventsCommitted: () => void;
}

/**
 * Assignment with sticky exposures. For a RUNNING experiment the variant is experiment-core's
 * GrowthBook-compatible assigner (hash v2 over seed and customer id) unless the customer already
 * has a stored exposure, which always wins; a new exposure is stored and published
 * (experiment.exposure.recorded.v1) in one transaction. Customers outside the coverage get no
 * variant and nothing is stored. A DRAFT experiment assigns nobody; a STOPPED one answers stored
 * exposures and records no new ones. The experiment row is share-locked meanwhile, so a concurrent
 * stop or update waits and no exposure lands after the status changed.
 * A batch is set-based: one SELECT of stored exposures, one INSERT, one outbox INSERT per 5,000.
 */
export class AssignVariantsUseCase {
  /** Compiled assigners by experiment id, valid for one version of the experiment. */
  private readonly assigners = new Map<string, { version: number; assign: Assigner }>();

  constructor(private readonly deps: AssignVariantsDeps) {}

  async assign(experimentKey: string, customerId: string, traceparent?: string): Promise<Assignment & { experiment: ExperimentModel }> {
    const id = uuidOrThrow(customerId, 'customerId', NOT_A_CUSTOMER_ID);
    const { experiment, assignments } = await this.run(experimentKey, [id], traceparent);
    return { experiment, ...(assignments[0] as Assignment) };
  }

  async assignMany(experimentKey: string, customerIds: readonly string[], traceparent?: string): Promise<AssignManyResult> {
    if (customerIds.length === 0 || customerIds.length > MAX_ASSIGN_MANY) {
      throw new InputError([{ field: 'customerIds', message: `must hold 1 to ${MAX_ASSIGN_MANY.toLocaleString('en')} ids` }]);
    }
    const rejected: AssignManyResult['rejected'] = [];
    const accepted: { index: number; id: string }[] = [];
    const seen = new Set<string>();
    customerIds.forEach((raw, index) => {
      const field = `customerIds[${index}]`;
      const id = canonicalUuid(raw);
      if (id === null) return void rejected.push({ index, code: 'BAD_USER_INPUT', field, message: NOT_A_CUSTOMER_ID });
      if (seen.has(id)) return void rejected.push({ index, code: 'DUPLICATE_IN_BATCH', field, message: 'repeats an earlier id of this batch' });
      seen.add(id);
      accepted.push({ index, id });
    });
    if (accepted.length === 0) {
      const experiment = await this.deps.experiments.findByKey(this.deps.dataSource.manager, experimentKey);
      if (!experiment) throw new NotFoundError('Experiment', experimentKey);
      return { experiment, results: [], rejected, assigned: 0, alreadyAssigned: 0, outsideCoverage: 0, notRunning: 0 };
    }
    const { experiment, assignments } = await this.run(
      experimentKey,
      accepted.map((a) => a.id),
      traceparent,
    );
    const results = assignments.map((a, i) => ({ ...a, index: (accepted[i] as { index: number }).index }));
    const count = (status: AssignmentStatus) => results.reduce((n, r) => n + (r.status === status ? 1 : 0), 0);
    return {
      experiment,
      results,
      rejected,
      assigned: count('ASSIGNED'),
      alreadyAssigned: count('ALREADY_ASSIGNED'),
      outsideCoverage: count('OUTSIDE_COVERAGE'),
      notRunning: count('NOT_RUNNING'),
    };
  }

  /** Assigns distinct, canonical customer ids; the result is in their order. */
  private async run(experimentKey: string, ids: string[], traceparent?: string) {
    const outcome = await inTransaction(this.deps.dataSource, async (manager) => {
      const experiment = await this.deps.experiments.findByKey(manager, experimentKey, 'share');
      if (!experiment) throw new NotFoundError('Experiment', experimentKey);
      return { experiment, ...(await this.assignIn(manager, experiment, ids, traceparent)) };
    });
    if (outcome.published > 0) this.deps.onEventsCommitted();
    return outcome;
  }

  private async assignIn(manager: EntityManager, experiment: ExperimentModel, ids: string[], traceparent?: string) {
    const notRunning = (customerId: string): Assignment => ({ customerId, status: 'NOT_RUNNING', variant: null, exposedAt: null });
    if (experiment.status === 'DRAFT') return { assignments: ids.map(notRunning), published: 0 };

    const stored = await this.deps.exposures.find(manager, experiment.id, ids);
    const fromStore = (customerId: string): Assignment | null => {
      const exposure = stored.get(customerId);
      return exposure ? { customerId, status: 'ALREADY_ASSIGNED', variant: exposure.variant, exposedAt: exposure.exposedAt } : null;
    };
    if (experiment.status === 'STOPPED') return { assignments: ids.map((id) => fromStore(id) ?? notRunning(id)), published: 0 };

    const assign = this.assignerFor(experiment);
    const candidates: { customerId: string; variant: string }[] = [];
    const decided = new Map<string, Assignment>();
    for (const customerId of ids) {
      const known = fromStore(customerId);
      if (known) {
        decided.set(customerId, known);
        continue;
      }
      const variant = assign(customerId);
      if (variant === null) decided.set(customerId, { customerId, status: 'OUTSIDE_COVERAGE', variant: null, exposedAt: null });
      else candidates.push({ customerId, variant });
    }

    const inserted = await this.deps.exposures.insertNew(manager, experiment.id, candidates, this.deps.clock.now());
    for (const exposure of inserted) {
      decided.set(exposure.customerId, { customerId: exposure.customerId, status: 'ASSIGNED', variant: exposure.variant, exposedAt: exposure.exposedAt });
    }
    // A concurrent call stored some of them first: its exposure wins.
    const raced = candidates.filter((c) => !decided.has(c.customerId)).map((c) => c.customerId);
    if (raced.length > 0) {
      const winners = await this.deps.exposures.find(manager, experiment.id, raced);
      for (const [customerId, exposure] of winners) {
        decided.set(customerId, { customerId, status: 'ALREADY_ASSIGNED', variant: exposure.variant, exposedAt: exposure.exposedAt });
      }
    }

    const control = experiment.variants[0]?.key;
    const events: CloudEvent[] = inserted.map((exposure) =>
      createEvent(exposureRecordedV1, {
        subject: exposure.customerId,
        time: exposure.exposedAt,
        traceparent,
        data: {
          experimentId: experiment.id,
          experimentKey: experiment.key,
          customerId: exposure.customerId,
          variant: exposure.variant,
          isControl: exposure.variant === control,
          exposedAt: exposure.exposedAt.toISOString(),
        },
      }),
    );
    await appendToOutbox(manager, events);
    return { assignments: ids.map((id) => decided.get(id) as Assignment), published: events.length };
  }

  private assignerFor(experiment: ExperimentModel): Assigner {
    const cached = this.assigners.get(experiment.id);
    if (cached && cached.version === experiment.version) return cached.assign;
    if (this.assigners.size >= MAX_CACHED_ASSIGNERS) this.assigners.clear();
    const assign = createAssigner({
      key: experiment.key,
      seed: experiment.seed,
      variants: experiment.variants,
      coverage: experiment.coverage,
      hashVersion: 2,
    });
    this.assigners.set(experiment.id, { version: experiment.version, assign });
    return assign;
  }
}
