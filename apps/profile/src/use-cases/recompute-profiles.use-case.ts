import { createEvent, rfmScoredV1 } from '@rekindle/contracts';
import type { Cache } from '@rekindle/platform-cache';
import type { Clock } from '@rekindle/platform-config';
import { inTransaction, lockForTransaction, type DataSource } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { appendToOutbox } from '@rekindle/platform-messaging';
import type { LifecycleThresholds } from '@rekindle/profile-core';
import { ProfileLock } from '../data/profile-locks';
import type { LifecycleJobRepository } from '../data/lifecycle-job.repository';
import type { RfmJobRepository } from '../data/rfm-job.repository';
import { lifecycleChangedEvents } from '../events/lifecycle-changed.event';

export interface RecomputeProfilesResult {
  customersScored: number;
  rfmChanged: number;
  lifecycleChanged: number;
  tookMs: number;
}

/**
 * The population job: rescores RFM and moves stages that changed by time alone, in one transaction
 * with the events of every change. Run as the service's singleton job: one replica at a time.
 */
export class RecomputeProfilesUseCase {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      rfm: RfmJobRepository;
      lifecycle: LifecycleJobRepository;
      clock: Clock;
      thresholds: LifecycleThresholds;
      rfmWindowDays: number;
      cache: Cache;
      logger: Logger;
      onEventsCommitted: () => void;
      /** Folds the events recorded so far, so the job scores what partners have sent, not what was folded by chance. */
      foldPending: () => Promise<unknown>;
    },
  ) {}

  async execute(): Promise<RecomputeProfilesResult> {
    const started = Date.now();
    const now = this.deps.clock.now();
    await this.deps.foldPending();
    const result = await inTransaction(this.deps.dataSource, async (manager) => {
      const rfm = await this.deps.rfm.rescore(manager, now, this.deps.rfmWindowDays);
      await lockForTransaction(manager, ProfileLock.FOLD);
      const stages = await this.deps.lifecycle.moveByTime(manager, now, this.deps.thresholds);
      await appendToOutbox(manager, [
        ...rfm.changes.map((c) =>
          createEvent(rfmScoredV1, { subject: c.customerId, time: now, data: { ...c, windowDays: this.deps.rfmWindowDays } }),
        ),
        ...lifecycleChangedEvents(stages),
      ]);
      return { customersScored: rfm.scored, rfmChanged: rfm.changes.length, lifecycleChanged: stages.length };
    });
    this.deps.onEventsCommitted();
    await this.deps.cache.deleteByPrefix('overview:');
    const outcome = { ...result, tookMs: Date.now() - started };
    this.deps.logger.info(outcome, 'profile jobs done');
    return outcome;
  }
}
