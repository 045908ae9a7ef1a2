import type { Cache } from '@rekindle/platform-cache';
import type { DataSource } from '@rekindle/platform-database';
import { LIFECYCLE_STAGES, RFM_SEGMENTS, type LifecycleStage, type RfmSegment } from '@rekindle/profile-core';
import { loadPopulationCounts } from '../data/dormancy-overview.query';

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
    const { total, stages, segments } = await loadPopulationCounts(this.deps.dataSource.manager);
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
