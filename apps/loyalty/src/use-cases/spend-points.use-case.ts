import { randomUUID } from 'node:crypto';
import { createEvent, pointsAdjustedV1, pointsRedeemedV1, type CloudEvent } from '@rekindle/contracts';
import { canonicalUuid, ConflictError, DomainError, ErrorCode, InputError, NotFoundError, type InputIssue } from '@rekindle/util';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, type DataSource, type EntityManager } from '@rekindle/platform-database';
import { appendToOutbox } from '@rekindle/platform-messaging';
import { expiryDate, INSUFFICIENT_POINTS, planRedemption } from '@rekindle/loyalty-core';
import type { LedgerEntryModel, NewLedgerEntry } from '../data/ledger.repository';
import type { LoyaltyRepositories } from '../data/repositories';
import type { RequestInput, RequestOutcome, SpendOperation, StoredRequest } from '../data/request.repository';
import { expireDueLots } from './expire-due-lots';

export const MAX_POINTS_PER_REQUEST = 1_000_000_000;
const MAX_REASON = 500;
const MAX_KEY = 200;

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

/**
 * The balance cannot cover a redemption or a negative adjustment. CONFLICT with
 * `extensions.reason = INSUFFICIENT_POINTS` and the points requested and available.
 */
export class InsufficientPointsError extends DomainError {
  constructor(message: string, details: Record<string, unknown>) {
    super(ErrorCode.CONFLICT, message, { reason: INSUFFICIENT_POINTS, ...details });
  }
}

function validate(input: SpendPointsInput, operation: SpendOperation): RequestInput {
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
  if (input.idempotencyKey.length === 0 || input.idempotencyKey.length > MAX_KEY || input.idempotencyKey.trim() !== input.idempotencyKey) {
    issues.push({ field: 'idempotencyKey', message: `must be 1 to ${MAX_KEY} characters without surrounding spaces` });
  }
  if (issues.length > 0 || customerId === null) throw new InputError(issues);
  return { ...input, customerId, reason, operation };
}

const sameRequest = (a: RequestInput, b: StoredRequest) =>
  a.operation === b.operation && a.customerId === b.customerId && a.points === b.points && a.reason === b.reason;

interface Attempt {
  outcome: RequestOutcome;
  replayed: boolean;
}

/**
 * redeemPoints and adjustPoints. One transaction: claim the idempotency key, lock the account, expire
 * what is due, plan the debit over the remaining lots (oldest first) and append it, with its event.
 * The account lock serialises concurrent calls for a customer, so the balance never goes below
 * zero; the claimed key makes a retry return the first outcome, refusals included.
 */
export class SpendPointsUseCase {
  constructor(private readonly deps: { dataSource: DataSource; repos: LoyaltyRepositories; clock: Clock; onEventsCommitted: () => void }) {}

  redeem(input: SpendPointsInput, traceparent?: string): Promise<SpendPointsResult> {
    return this.run(validate(input, 'REDEEM'), traceparent);
  }

  adjust(input: SpendPointsInput, traceparent?: string): Promise<SpendPointsResult> {
    return this.run(validate(input, 'ADJUST'), traceparent);
  }

  private async run(request: RequestInput, traceparent?: string): Promise<SpendPointsResult> {
    const { dataSource, repos } = this.deps;
    const attempt = await inTransaction(dataSource, (manager) => this.attempt(manager, request, traceparent));
    if (!attempt.replayed) this.deps.onEventsCommitted();
    const { outcome } = attempt;
    if (!outcome.ok) {
      const details = { ...outcome.details, replayed: attempt.replayed };
      if (outcome.code === INSUFFICIENT_POINTS) throw new InsufficientPointsError(outcome.message, details);
      throw new ConflictError(outcome.message, details);
    }
    const [entry] = await repos.ledger.findByIds(dataSource.manager, [outcome.entryId]);
    if (!entry) throw new Error(`ledger entry ${outcome.entryId} of request ${request.idempotencyKey} is missing`);
    return { entry, balance: outcome.balanceAfter, replayed: attempt.replayed, customerId: entry.customerId };
  }

  private async attempt(manager: EntityManager, request: RequestInput, traceparent?: string): Promise<Attempt> {
    const { repos } = this.deps;
    if (!(await repos.requests.claim(manager, request))) {
      const prior = await repos.requests.find(manager, request.idempotencyKey);
      if (!prior?.outcome) throw new Error(`request ${request.idempotencyKey} was claimed without an outcome`);
      if (!sameRequest(request, prior)) {
        throw new ConflictError('idempotencyKey was already used for a different request', {
          field: 'idempotencyKey',
          reason: 'IDEMPOTENCY_KEY_REUSED',
        });
      }
      return { outcome: prior.outcome, replayed: true };
    }
    const account = await repos.accounts.lock(manager, request.customerId);
    if (!account) throw new NotFoundError('LoyaltyAccount', request.customerId);

    const now = this.deps.clock.now();
    const expiry = await expireDueLots(manager, repos.ledger, request.customerId, now);
    const events: CloudEvent[] = expiry.event ? [expiry.event] : [];
    const base = { id: randomUUID(), customerId: request.customerId, occurredAt: now, reason: request.reason, idempotencyKey: request.idempotencyKey };
    let entry: NewLedgerEntry;
    if (request.operation === 'ADJUST' && request.points > 0) {
      const { version, program } = await repos.programs.current(manager);
      entry = { ...base, type: 'ADJUST', points: request.points, expiresAt: expiryDate(now, program), programVersion: version };
    } else {
      const plan = planRedemption(expiry.lots, Math.abs(request.points), now, request.operation);
      if (!plan.ok) {
        const outcome: RequestOutcome = {
          ok: false,
          code: plan.code,
          message: plan.message,
          details: { requested: plan.requested, available: plan.available },
        };
        await repos.requests.complete(manager, request.idempotencyKey, outcome);
        await appendToOutbox(manager, events);
        return { outcome, replayed: false };
      }
      entry = { ...base, type: request.operation, points: plan.entry.points, allocations: plan.entry.allocations };
    }
    await repos.ledger.append(manager, [entry]);
    const balance = expiry.balance + entry.points;
    await repos.requests.complete(manager, request.idempotencyKey, { ok: true, entryId: entry.id, balanceAfter: balance });
    events.push(this.event(entry, balance, traceparent));
    await appendToOutbox(manager, events);
    return { outcome: { ok: true, entryId: entry.id, balanceAfter: balance }, replayed: false };
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
