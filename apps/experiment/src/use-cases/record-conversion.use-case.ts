import { canonicalDecimal, ConflictError, InputError, NotFoundError, uuidOrThrow, type InputIssue } from '@rekindle/util';
import { conversionWindowHours } from '@rekindle/experiment-core';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, type DataSource, type EntityManager } from '@rekindle/platform-database';
import type { ConversionRepository } from '../data/conversion.repository';
import { metricEventsOf, type ExperimentModel } from '../data/experiment.model';
import type { ExperimentRepository } from '../data/experiment.repository';
import type { ExposureRepository } from '../data/exposure.repository';

export type ConversionStatus = 'COUNTED' | 'NOT_EXPOSED' | 'OUTSIDE_WINDOW';

export interface RecordConversionInput {
  idempotencyKey: string;
  experimentKey: string;
  customerId: string;
  event: string;
  value?: string | null;
  occurredAt?: Date | null;
}

export interface RecordConversionResult {
  status: ConversionStatus;
  duplicate: boolean;
}

const EVENT_NAME = /^[A-Z][A-Z0-9_]*$/;
const MAX_KEY_LENGTH = 200;
const MAX_FUTURE_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

interface RecordedRow {
  customer_id: string;
  event: string;
  value: string;
  occurred_at: Date;
  status: ConversionStatus;
}

/**
 * A conversion the client saw itself, idempotent by its key within the experiment: a retry with the
 * same content answers the first outcome as a duplicate (an omitted occurredAt matches any), other
 * content under a used key is a CONFLICT. It counts, for every metric of the experiment on `event`,
 * when the customer was exposed and it happened in [exposed_at, exposed_at + window).
 */
export class RecordConversionUseCase {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      experiments: ExperimentRepository;
      exposures: ExposureRepository;
      conversions: ConversionRepository;
      clock: Clock;
    },
  ) {}

  async execute(input: RecordConversionInput): Promise<RecordConversionResult> {
    const now = this.deps.clock.now();
    const issues: InputIssue[] = [];
    const idempotencyKey = input.idempotencyKey.trim();
    if (idempotencyKey.length === 0 || idempotencyKey.length > MAX_KEY_LENGTH) {
      issues.push({ field: 'idempotencyKey', message: `must be 1 to ${MAX_KEY_LENGTH} characters` });
    }
    let customerId = '';
    try {
      customerId = uuidOrThrow(input.customerId, 'customerId', 'is not a customer id (a UUID)');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
    }
    if (!EVENT_NAME.test(input.event) || input.event.length > 100) issues.push({ field: 'event', message: 'must be an event name in SCREAMING_CASE' });
    const value = canonicalDecimal(input.value ?? '1');
    if (value.startsWith('-')) issues.push({ field: 'value', message: 'must be at least 0' });
    const occurredAt = input.occurredAt ?? now;
    if (occurredAt.getTime() > now.getTime() + MAX_FUTURE_MS) issues.push({ field: 'occurredAt', message: 'must be at most 5 minutes in the future' });
    if (issues.length > 0) throw new InputError(issues);

    return inTransaction(this.deps.dataSource, async (manager) => {
      const experiment = await this.deps.experiments.findByKey(manager, input.experimentKey);
      if (!experiment) throw new NotFoundError('Experiment', input.experimentKey);
      if (!metricEventsOf(experiment).includes(input.event)) {
        throw new InputError([{ field: 'event', message: `no metric of experiment "${experiment.key}" counts ${input.event}` }]);
      }
      const status = await this.statusOf(manager, experiment, customerId, occurredAt);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO recorded_conversion (experiment_id, idempotency_key, customer_id, event, value, occurred_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
        [experiment.id, idempotencyKey, customerId, input.event, value, occurredAt, status],
      );
      if (inserted.length === 0) return this.duplicate(manager, experiment.id, idempotencyKey, { customerId, event: input.event, value, occurredAt: input.occurredAt ?? null });
      if (status === 'COUNTED') {
        await this.deps.conversions.countEvent(manager, { customerId, events: [input.event], amount: value, occurredAt, experimentId: experiment.id });
      }
      return { status, duplicate: false };
    });
  }

  private async statusOf(manager: EntityManager, experiment: ExperimentModel, customerId: string, at: Date): Promise<ConversionStatus> {
    const exposure = (await this.deps.exposures.find(manager, experiment.id, [customerId])).get(customerId);
    if (!exposure) return 'NOT_EXPOSED';
    const start = exposure.exposedAt.getTime();
    const end = start + conversionWindowHours(experiment.conversionWindow) * HOUR_MS;
    return at.getTime() >= start && at.getTime() < end ? 'COUNTED' : 'OUTSIDE_WINDOW';
  }

  private async duplicate(
    manager: EntityManager,
    experimentId: string,
    idempotencyKey: string,
    given: { customerId: string; event: string; value: string; occurredAt: Date | null },
  ): Promise<RecordConversionResult> {
    const [row]: RecordedRow[] = await manager.query(
      'SELECT customer_id, event, value::text AS value, occurred_at, status FROM recorded_conversion WHERE experiment_id = $1 AND idempotency_key = $2',
      [experimentId, idempotencyKey],
    );
    if (!row) throw new Error(`recorded conversion ${idempotencyKey} conflicted but was not found`);
    const same =
      row.customer_id === given.customerId &&
      row.event === given.event &&
      canonicalDecimal(row.value) === given.value &&
      (given.occurredAt === null || row.occurred_at.getTime() === given.occurredAt.getTime());
    if (!same) {
      throw new ConflictError(`idempotencyKey "${idempotencyKey}" was used for a different conversion`, { field: 'idempotencyKey' });
    }
    return { status: row.status, duplicate: true };
  }
}
