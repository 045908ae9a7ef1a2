import { randomUUID } from 'node:crypto';
import { createEvent, tierChangedV1, type CloudEvent } from '@rekindle/contracts';
import type { Cache } from '@rekindle/platform-cache';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, type DataSource } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { appendToOutbox } from '@rekindle/platform-messaging';
import { evaluateHistory, lastCompleteMonth, type MonthEvaluation, type TierState } from '@rekindle/loyalty-core';
import { tierStateOf } from '../data/account.repository';
import type { LoyaltyRepositories } from '../data/repositories';
import type { TierChangeRecord } from '../data/tier-change.repository';
import { planExpiry } from '../ledger/expire-due-lots';

export interface RunLoyaltyJobsResult {
  /** False when another replica was running the jobs: this call did nothing (see skipped()). */
  ran: boolean;
  /** The last month whose end was evaluated ('YYYY-MM'). */
  evaluatedThrough: string;
  accountsEvaluated: number;
  monthsEvaluated: number;
  promotions: number;
  demotions: number;
  customersWithExpiredPoints: number;
  pointsExpired: number;
  /** Profile events loyalty had not yet handled when the run started (null when unknown). */
  eventsPending: number | null;
  tookMs: number;
}

export interface RunLoyaltyJobsDeps {
  dataSource: DataSource;
  repos: LoyaltyRepositories;
  clock: Clock;
  batchSize: number;
  cache: Cache;
  logger: Logger;
  onEventsCommitted: () => void;
  /** How far the profile consumer is behind; reported, so a caller can tell a backfill is still being read. */
  consumerLag: () => Promise<number | null>;
}

/**
 * The population jobs, run on a schedule and by runLoyaltyJobs:
 * 1. expiry: every lot that reached its expiry at now (REKINDLE_NOW when set) with points left gets
 *    an EXPIRE entry, dated at its expiry; one loyalty.points.expired per customer;
 * 2. month ends: every account evaluates the complete months after its last evaluated one, in
 *    order (evaluateHistory), one loyalty.tier.changed per change.
 * Batches of accounts, each in one transaction with its events; idempotent: a second run finds
 * nothing to do. Month ends are evaluated once, so a backfill should be read in full first (see
 * eventsPending). Run as the service's singleton job: one replica at a time.
 */
export class RunLoyaltyJobsUseCase {
  constructor(private readonly deps: RunLoyaltyJobsDeps) {}

  async execute(): Promise<RunLoyaltyJobsResult> {
    const started = Date.now();
    const now = this.deps.clock.now();
    const through = lastCompleteMonth(now);
    const eventsPending = await this.eventsPending();
    const expiry = await this.expire(now);
    const tiers = await this.evaluate(now, through);
    const result = { ran: true, evaluatedThrough: through, ...expiry, ...tiers, eventsPending, tookMs: Date.now() - started };
    await this.deps.cache.deleteByPrefix('overview:');
    this.deps.logger.info(result, 'loyalty jobs done');
    return result;
  }

  /** What a call answers when another replica was running the jobs: nothing done. */
  async skipped(): Promise<RunLoyaltyJobsResult> {
    return {
      ran: false,
      evaluatedThrough: lastCompleteMonth(this.deps.clock.now()),
      accountsEvaluated: 0,
      monthsEvaluated: 0,
      promotions: 0,
      demotions: 0,
      customersWithExpiredPoints: 0,
      pointsExpired: 0,
      eventsPending: await this.eventsPending(),
      tookMs: 0,
    };
  }

  private eventsPending(): Promise<number | null> {
    return this.deps.consumerLag().catch(() => null);
  }

  private async expire(now: Date): Promise<{ customersWithExpiredPoints: number; pointsExpired: number }> {
    const { dataSource, repos, batchSize } = this.deps;
    let after: string | null = null;
    let customers = 0;
    let points = 0;
    for (;;) {
      const ids = await repos.ledger.customersWithDueLots(dataSource.manager, now, after, batchSize);
      if (ids.length === 0) break;
      after = ids[ids.length - 1] ?? null;
      const batch = await inTransaction(dataSource, async (manager) => {
        await repos.accounts.lockMany(manager, ids);
        const ledgers = await repos.ledger.entriesOf(manager, ids);
        const plans = ids.map((id) => planExpiry(id, ledgers.get(id) ?? [], now));
        await repos.ledger.append(manager, plans.flatMap((p) => p.expired));
        await appendToOutbox(manager, plans.flatMap((p) => (p.event ? [p.event] : [])));
        return plans;
      });
      this.deps.onEventsCommitted();
      const expired = batch.filter((p) => p.expired.length > 0);
      customers += expired.length;
      points += expired.reduce((sum, p) => sum - p.expired.reduce((s, e) => s + e.points, 0), 0);
      if (ids.length < batchSize) break;
    }
    return { customersWithExpiredPoints: customers, pointsExpired: points };
  }

  private async evaluate(now: Date, through: string) {
    const { dataSource, repos, batchSize } = this.deps;
    const totals = { accountsEvaluated: 0, monthsEvaluated: 0, promotions: 0, demotions: 0 };
    let after: string | null = null;
    for (;;) {
      const done: { size: number; last: string | null } = await inTransaction(dataSource, async (manager) => {
        const accounts = await repos.accounts.lockForEvaluation(manager, through, after, batchSize);
        if (accounts.length === 0) return { size: 0, last: null };
        const ids = accounts.map((a) => a.customerId);
        const active = await repos.activity.activeMonthsOf(manager, ids);
        const growth = await repos.activity.growthOf(manager, ids);
        const { program } = await repos.programs.current(manager);
        const states: (TierState & { customerId: string })[] = [];
        const changes: TierChangeRecord[] = [];
        const events: CloudEvent[] = [];
        for (const account of accounts) {
          const result = evaluateHistory({
            ...tierStateOf(account),
            startMonth: account.startMonth,
            now,
            activeMonthsSet: active.get(account.customerId) ?? new Set(),
            growthByMonth: growth.get(account.customerId) ?? new Map(),
            program,
          });
          states.push({ customerId: account.customerId, tier: result.tier, tierSince: result.tierSince, lastEvaluatedMonth: result.lastEvaluatedMonth });
          totals.accountsEvaluated += 1;
          totals.monthsEvaluated += result.evaluations.length;
          for (const change of result.changes) {
            const event = tierChanged(account.customerId, change);
            events.push(event);
            changes.push({
              customerId: account.customerId,
              month: change.month,
              from: change.from,
              to: change.tier,
              effectiveAt: change.tierSince,
              reason: change.reason,
              eventId: event.id,
            });
            if (change.change === 'PROMOTED') totals.promotions += 1;
            else totals.demotions += 1;
          }
        }
        await repos.accounts.saveTierStates(manager, states);
        await repos.tierChanges.insert(manager, changes);
        await appendToOutbox(manager, events);
        return { size: accounts.length, last: ids[ids.length - 1] ?? null };
      });
      if (done.size === 0) break;
      this.deps.onEventsCommitted();
      after = done.last;
      if (done.size < batchSize) break;
    }
    return totals;
  }
}

function tierChanged(customerId: string, change: MonthEvaluation): CloudEvent {
  return createEvent(tierChangedV1, {
    id: randomUUID(),
    subject: customerId,
    time: change.tierSince,
    data: {
      customerId,
      from: change.from,
      to: change.tier,
      direction: change.change === 'PROMOTED' ? 'PROMOTED' : 'DEMOTED',
      month: change.month,
      effectiveAt: change.tierSince.toISOString(),
      reason: change.reason,
      consecutiveActiveMonths: change.consecutiveActiveMonths,
      inactiveMonthsInTier: change.inactiveMonthsInTier,
      growthLast12Months: change.growthLast12Months,
    },
  });
}
