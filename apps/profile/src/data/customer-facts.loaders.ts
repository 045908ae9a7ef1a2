import type DataLoader from 'dataloader';
import type { DataSource } from '@rekindle/platform-database';
import { createIdLoader, createPagedLoader, type PageKey } from '@rekindle/platform-subgraph-server';
import { loadActivitySummaries, type ActivitySummary } from './activity-summary.query';
import type { ConsentModel, CustomerFactsQuery, LifecycleFactsModel, RfmModel } from './customer-facts.query';
import { loadTimelines, type TimelineEvent, type TimelinePage } from './event-timeline.query';

export interface CustomerFactsLoaders {
  activity: DataLoader<string, ActivitySummary | null>;
  rfm: DataLoader<string, RfmModel | null>;
  lifecycle: DataLoader<string, LifecycleFactsModel | null>;
  consents: DataLoader<string, ConsentModel[]>;
  timeline: DataLoader<PageKey<TimelinePage>, TimelineEvent[], string>;
}

/** Per-request loaders for the fields profile adds to a customer: one query per field for a whole page. */
export function createCustomerFactsLoaders(dataSource: DataSource, facts: CustomerFactsQuery, now: Date): CustomerFactsLoaders {
  const { manager } = dataSource;
  return {
    activity: createIdLoader((ids) => loadActivitySummaries(manager, ids, now), { missing: null }),
    rfm: createIdLoader((ids) => facts.rfm(manager, ids), { missing: null }),
    lifecycle: createIdLoader((ids) => facts.lifecycle(manager, ids), { missing: null }),
    consents: createIdLoader((ids) => facts.consents(manager, ids), { missing: [] }),
    timeline: createPagedLoader((ids, page) => loadTimelines(manager, ids, page)),
  };
}
