import { randomUUID } from 'node:crypto';
import { createEvent, pointsAdjustedV1, pointsRedeemedV1, type CloudEvent } from '@rekindle/contracts';
import { canonicalUuid, ConflictError, DomainError, ErrorCode, InputError, NotFoundError, type InputIssue } from '@rekindle/util';
import type { Clock } from '@rekindle/platform-config';
import { MAX_IDEMPOTENCY_KEY_LENGTH, runIdempotent, type DataSource, type EntityManager } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import { expiryDate, INSUFFICIENT_POINTS, planRedemption } from '@rekindle/loyalty-core';
import type { LedgerEntryModel, NewLedgerEntry } from '../data/ledger.repository';
import type { LoyaltyRepositories } from '../data/repositories';
import { expireDueLots } from '../ledger/expire-due-lots';

export const MAX_POINTS_PER_REQUEST = 1_000_000_000;
const MAX_REASON = 500;

type SpendOperation = 'REDEEM' | 'ADJUST';

/** The mutation each operation is: idempotency keys are the caller's own within one of them. */
const MUTATION: Record<SpendOperation, string> = { REDEEM: 'redeemPoints', ADJUST: 'adjustPoints' };

export interface SpendPointsInput {
  customerId: string;
  points: number;
  reason: string;
  idempotencyKey: string;
}

export interface SpendPointsResult {
  entry: LedgerEntryModel;
  /** The balance right after this entry. */
  balance: number;
  /** True when the key had been used before: this is the first call's outcome, nothing was written now. */
  replayed: boolean;
  customerId: string;
}

/** What a retry with the same key must ask again. */
interface SpendRequest {
  customerId: string;
  points: number;
  reason: string;
}

/** The first outcome of a request, answered again to every retry: the entry it wrote, or the refusal it got. */
type SpendOutcome =
  | { ok: true; entryId: string; balanceAfter: number }
  | { ok: false; code: string; message: string; details: Record<string, unknown> };

/**
 * The balance cannot cover a redemption or a negative adjustment. CONFLICT with
 * `extensions.reason = INSUFFICIENT_POINTS` and the points requested and available.
 */
export class InsufficientPointsError extends DomainError {
  constructor(message: string, details: Record<string, unknown>) {
    super(ErrorCode.CONFLICT, message, { reason: INSUFFICIENT_POINTS, ...details });
  }
}

function validate(input: SpendPointsInput, operation: SpendOperation): SpendRequest {
  const issues: InputIssue[] = [];
  const customerId = canonicalUuid(input.customerId);
  if (customerId === null) issues.push({ field: 'customerId', message: 'is not a customer id' });
  const magnitude = Math.abs(input.points);
  if (!Number.isSafeInteger(input.points) || magnitude > MAX_POINTS_PER_REQUEST || (operation === 'REDEEM' ? input.points <= 0 : input.points === 0)) {
    const what = operation === 'REDEEM' ? 'a whole number from 1' : 'a whole number other than 0, from -1,000,000,000';
    issues.push({ field: 'points', message: `must be ${what} to 1,000,000,000` });
  }
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > MAX_REASON) issues.push({ field: 'reason', message: `must be 1 to ${MAX_REASON} characters` });
  const key = input.idempotencyKey;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || key.trim() !== key) {
    issues.push({ field: 'idempotencyKey', message: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters without surrounding spaces` });
  }
  if (issues.length > 0 || customerId === null) throw new InputError(issues);
  return { customerId, points: input.points, reason };
}

/**
 * redeemPoints and adjustPoints. One idempotent transaction (runIdempotent): lock the account,
 * expire what is due, plan the debit over the remaining lots (oldest first) and append it, with its
 * event. The account lock serialises concurrent calls for a customer, so the balance never goes
 * below zero; a retry with the same key gets the first outcome, refusals included.
 */
export class SpendPointsUseCase {
  constructor(private readonly deps: { dataSource: DataSource; repos: LoyaltyRepositories; clock: Clock; onEventsCommitted: () => void }) {}

  redeem(input: SpendPointsInput, traceparent?: string): Promise<SpendPointsResult> {
    return this.run('REDEEM', input, traceparent);
  }

  adjust(input: SpendPointsInput, traceparent?: string): Promise<SpendPointsResult> {
    return this.run('ADJUST', input, traceparent);
  }

  private async run(operation: SpendOperation, input: SpendPointsInput, traceparent?: string): Promise<SpendPointsResult> {
    const { dataSource, repos } = this.deps;
    const request = validate(input, operation);
    const key = input.idempotencyKey;
    const { outcome, replayed } = await runIdempotent(dataSource, { operation: MUTATION[operation], key, request }, (manager) =>
      this.attempt(manager, operation, key, request, traceparent),
    );
    if (!replayed) this.deps.onEventsCommitted();
    if (!outcome.ok) {
      const details = { ...outcome.details, replayed };
      if (outcome.code === INSUFFICIENT_POINTS) throw new InsufficientPointsError(outcome.message, details);
      throw new ConflictError(outcome.message, details);
    }
    const [entry] = await repos.ledger.findByIds(dataSource.manager, [outcome.entryId]);
    if (!entry) throw new Error(`ledger entry ${outcome.entryId} of request ${key} is missing`);
    return { entry, balance: outcome.balanceAfter, replayed, customerId: entry.customerId };
  }

  private async attempt(manager: EntityManager, operation: SpendOperation, key: string, request: SpendRequest, traceparent?: string): Promise<SpendOutcome> {
    const { repos } = this.deps;
    const account = await repos.accounts.lock(manager, request.customerId);
    if (!account) throw new NotFoundError('LoyaltyAccount', request.customerId);

    const now = this.deps.clock.now();
    const expiry = await expireDueLots(manager, repos.ledger, request.customerId, now);
    const events: CloudEvent[] = expiry.event ? [expiry.event] : [];
    const base = { id: randomUUID(), customerId: request.customerId, occurredAt: now, reason: request.reason, idempotencyKey: key };
    let entry: NewLedgerEntry;
    if (operation === 'ADJUST' && request.points > 0) {
      const { version, program } = await repos.programs.current(manager);
      entry = { ...base, type: 'ADJUST', points: request.points, expiresAt: expiryDate(now, program), programVersion: version };
    } else {
      const plan = planRedemption(expiry.lots, Math.abs(request.points), now, operation);
      if (!plan.ok) {
        await appendToOutbox(manager, events);
        return { ok: false, code: plan.code, message: plan.message, details: { requested: plan.requested, available: plan.available } };
      }
      entry = { ...base, type: operation, points: plan.entry.points, allocations: plan.entry.allocations };
    }
    await repos.ledger.append(manager, [entry]);
    const balance = expiry.balance + entry.points;
    events.push(this.event(entry, balance, traceparent));
    await appendToOutbox(manager, events);
    return { ok: true, entryId: entry.id, balanceAfter: balance };
  }

  private event(entry: NewLedgerEntry, balance: number, traceparent?: string): CloudEvent {
    const common = { subject: entry.customerId, time: entry.occurredAt, traceparent };
    const data = { customerId: entry.customerId, entryId: entry.id, reason: entry.reason as string, idempotencyKey: entry.idempotencyKey as string, balance };
    if (entry.type === 'REDEEM') {
      return createEvent(pointsRedeemedV1, { ...common, data: { ...data, points: -entry.points, redeemedAt: entry.occurredAt.toISOString() } });
    }
    return createEvent(pointsAdjustedV1, {
      ...common,
      data: { ...data, points: entry.points, adjustedAt: entry.occurredAt.toISOString(), expiresAt: entry.expiresAt?.toISOString() ?? null },
    });
  }
}
