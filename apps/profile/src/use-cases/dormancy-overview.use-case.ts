import type { Cache } from '@rekindle/platform-cache';
import type { DataSource } from '@rekindle/platform-database';
import { LIFECYCLE_STAGES, RFM_SEGMENTS, type LifecycleStage, type RfmSegment } from '@rekindle/profile-core';

export interface DormancyOverview {
  totalCustomers: number;
  byStage: { stage: LifecycleStage; customers: number }[];
  silentShare: number;
  byRfmSegment: { segment: RfmSegment; customers: number }[];
  unscored: number;
}

/** Population counts per stage and segment, cached briefly: a dashboard may ask every few seconds. */
export class DormancyOverviewUseCase {
  constructor(private readonly deps: { dataSource: DataSource; cache: Cache; cacheSeconds: number }) {}

  execute(): Promise<DormancyOverview> {
    return this.deps.cache.getOrCompute('overview:dormancy', this.deps.cacheSeconds, () => this.compute());
  }

  private async compute(): Promise<DormancyOverview> {
    const [row]: { total: number; stages: Record<string, number> | null; segments: Record<string, number> | null }[] =
      await this.deps.dataSource.query(
        `SELECT (SELECT count(*)::int FROM customer) AS total,
                (SELECT jsonb_object_agg(stage, n) FROM (SELECT stage, count(*)::int AS n FROM customer_lifecycle GROUP BY stage) s) AS stages,
                (SELECT jsonb_object_agg(segment, n) FROM (SELECT segment, count(*)::int AS n FROM customer_rfm GROUP BY segment) s) AS segments`,
      );
    const total = row?.total ?? 0;
    const stages = row?.stages ?? {};
    const segments = row?.segments ?? {};
    const byRfmSegment = RFM_SEGMENTS.map((segment) => ({ segment, customers: segments[segment] ?? 0 }));
    return {
      totalCustomers: total,
      byStage: LIFECYCLE_STAGES.map((stage) => ({ stage, customers: stages[stage] ?? 0 })),
      silentShare: total === 0 ? 0 : (stages['SILENT'] ?? 0) / total,
      byRfmSegment,
      unscored: total - byRfmSegment.reduce((sum, s) => sum + s.customers, 0),
    };
  }
}
