import { canonicalDecimal, InputError, NotFoundError, uuidOrThrow, type InputIssue } from '@rekindle/util';
import { conversionWindowHours } from '@rekindle/experiment-core';
import type { Clock } from '@rekindle/platform-config';
import { MAX_IDEMPOTENCY_KEY_LENGTH, runIdempotent, type DataSource, type EntityManager } from '@rekindle/platform-database';
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

/** What a retry with the same key must ask again (its occurredAt as first resolved). */
interface ConversionRequest {
  experimentKey: string;
  customerId: string;
  event: string;
  value: string;
  occurredAt: string;
}

const EVENT_NAME = /^[A-Z][A-Z0-9_]*$/;
const MAX_FUTURE_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * A conversion the client saw itself, idempotent by its key (runIdempotent): a retry with the same
 * content answers the first outcome as a duplicate (an omitted occurredAt matches any), other
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
    const { key, request } = this.validate(input);
    const occurredAtGiven = input.occurredAt !== null && input.occurredAt !== undefined;
    const sameRequest = (first: ConversionRequest, retry: ConversionRequest) =>
      first.experimentKey === retry.experimentKey &&
      first.customerId === retry.customerId &&
      first.event === retry.event &&
      first.value === retry.value &&
      (!occurredAtGiven || first.occurredAt === retry.occurredAt);
    const { outcome, replayed } = await runIdempotent(this.deps.dataSource, { operation: 'recordConversion', key, request, sameRequest }, (manager) =>
      this.record(manager, request),
    );
    return { status: outcome.status, duplicate: replayed };
  }

  private validate(input: RecordConversionInput): { key: string; request: ConversionRequest } {
    const now = this.deps.clock.now();
    const issues: InputIssue[] = [];
    const key = input.idempotencyKey.trim();
    if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      issues.push({ field: 'idempotencyKey', message: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` });
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
    return { key, request: { experimentKey: input.experimentKey, customerId, event: input.event, value, occurredAt: occurredAt.toISOString() } };
  }

  private async record(manager: EntityManager, request: ConversionRequest): Promise<{ status: ConversionStatus }> {
    const experiment = await this.deps.experiments.findByKey(manager, request.experimentKey);
    if (!experiment) throw new NotFoundError('Experiment', request.experimentKey);
    if (!metricEventsOf(experiment).includes(request.event)) {
      throw new InputError([{ field: 'event', message: `no metric of experiment "${experiment.key}" counts ${request.event}` }]);
    }
    const occurredAt = new Date(request.occurredAt);
    const status = await this.statusOf(manager, experiment, request.customerId, occurredAt);
    if (status === 'COUNTED') {
      const { customerId, event, value } = request;
      await this.deps.conversions.countEvent(manager, { customerId, events: [event], amount: value, occurredAt, experimentId: experiment.id });
    }
    return { status };
  }

  private async statusOf(manager: EntityManager, experiment: ExperimentModel, customerId: string, at: Date): Promise<ConversionStatus> {
    const exposure = (await this.deps.exposures.find(manager, experiment.id, [customerId])).get(customerId);
    if (!exposure) return 'NOT_EXPOSED';
    const start = exposure.exposedAt.getTime();
    const end = start + conversionWindowHours(experiment.conversionWindow) * HOUR_MS;
    return at.getTime() >= start && at.getTime() < end ? 'COUNTED' : 'OUTSIDE_WINDOW';
  }
}
