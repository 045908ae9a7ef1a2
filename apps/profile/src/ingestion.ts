import { setTimeout } from 'node:timers/promises';
import { Gauge, type Registry } from 'prom-client';
import type { Clock } from '@rekindle/platform-config';
import type { DataSource } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { createBatchPublisher, WorkLoop, type Bus } from '@rekindle/platform-messaging';
import type { LifecycleThresholds } from '@rekindle/profile-core';
import type { EventLogRepository, LogReader } from './data/event-log.repository';
import { EventFoldQuery } from './data/event-fold.query';
import { FoldEventsUseCase } from './use-cases/fold-events.use-case';
import { PublishRecordedEventsUseCase } from './use-cases/publish-recorded-events.use-case';

export interface IngestionDeps {
  dataSource: DataSource;
  bus: Bus;
  log: EventLogRepository;
  clock: Clock;
  thresholds: LifecycleThresholds;
  logger: Logger;
  registry: Registry;
  foldBatch: number;
  /** How long events gather before the next fold once the folder has caught up. */
  foldGatherMs: number;
  publishBatch: number;
  /** How long foldPending() and drain() wait for the readers to catch up before they fail. */
  settleTimeoutMs: number;
  /** Wakes the outbox relay (the folder's stage changes). */
  onOutboxWritten: () => void;
}

const SETTLE_POLL_MS = 20;

/**
 * The two background readers of the event log: the folder and the publisher, each a WorkLoop
 * woken by every recordEvents commit (the folder lets events gather first), with their backlog on
 * /metrics.
 */
export function createIngestion(deps: IngestionDeps) {
  const { dataSource, bus, log, logger } = deps;
  const folder = new FoldEventsUseCase({ ...deps, fold: new EventFoldQuery(deps.thresholds), onEventsCommitted: deps.onOutboxWritten });
  const publisher = createBatchPublisher(bus);
  const publishing = new PublishRecordedEventsUseCase({ dataSource, log, bus, publisher });
  const foldLoop = new WorkLoop({
    name: 'event folder',
    logger,
    batchSize: deps.foldBatch,
    gatherMs: deps.foldGatherMs,
    step: () => folder.foldNext(deps.foldBatch),
  });
  const publishLoop = new WorkLoop({
    name: 'event publisher',
    logger,
    batchSize: deps.publishBatch,
    step: () => publishing.publishNext(deps.publishBatch),
  });
  new Gauge({
    name: 'rekindle_profile_event_backlog',
    help: 'Recorded customer events not yet folded into profiles (reader=fold) or not yet published (reader=publish)',
    labelNames: ['reader'],
    registers: [deps.registry],
    async collect() {
      const backlog = await log.backlog(dataSource.manager);
      for (const [reader, pending] of Object.entries(backlog)) this.set({ reader }, pending);
    },
  });
  /**
   * Runs the reader's steps until nothing committed is left past its cursor. A step can come back
   * empty while rows wait: they stay invisible to it until every transaction older than theirs,
   * anywhere in the database, has ended.
   */
  const settle = async (loop: WorkLoop, reader: LogReader) => {
    const deadline = Date.now() + deps.settleTimeoutMs;
    for (;;) {
      await loop.drain();
      if ((await log.backlog(dataSource.manager))[reader] === 0) return;
      if (Date.now() > deadline) {
        throw new Error(`event ${reader}: recorded events still waiting after ${deps.settleTimeoutMs} ms; a long transaction holds them back`);
      }
      await setTimeout(SETTLE_POLL_MS);
    }
  };

  return {
    start() {
      foldLoop.start();
      publishLoop.start();
    },
    /** Call after a commit that appended events. */
    notify() {
      foldLoop.notify();
      publishLoop.notify();
    },
    /** Folds everything recorded so far into profiles. */
    foldPending: () => settle(foldLoop, 'fold'),
    /** Folds and publishes everything recorded so far. */
    async drain() {
      await settle(foldLoop, 'fold');
      await settle(publishLoop, 'publish');
    },
    async stop() {
      await foldLoop.stop();
      await publishLoop.stop();
      publisher.close();
    },
  };
}
