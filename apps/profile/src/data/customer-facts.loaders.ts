import DataLoader from 'dataloader';
import type { DataSource } from '@rekindle/platform-database';
import { loadActivitySummaries, type ActivitySummary } from './activity-summary.query';
import type { ConsentModel, CustomerFactsQuery, LifecycleFactsRow, RfmModel } from './customer-facts.query';
import { loadTimelines, type TimelineEvent, type TimelinePage } from './event-timeline.query';

export interface CustomerFactsLoaders {
  activity: DataLoader<string, ActivitySummary | null>;
  rfm: DataLoader<string, RfmModel | null>;
  lifecycle: DataLoader<string, LifecycleFactsRow | null>;
  consents: DataLoader<string, ConsentModel[]>;
  timeline: DataLoader<{ customerId: string; page: TimelinePage }, TimelineEvent[], string>;
}

const pick = <T>(found: Map<string, T>, ids: readonly string[], missing: T) => ids.map((id) => found.get(id) ?? missing);

/** Per-request loaders for the fields profile adds to a customer: one query per field for a whole page. */
export function createCustomerFactsLoaders(dataSource: DataSource, facts: CustomerFactsQuery, now: Date): CustomerFactsLoaders {
  const { manager } = dataSource;
  return {
    activity: new DataLoader(async (ids) => pick(await loadActivitySummaries(manager, ids, now), ids, null)),
    rfm: new DataLoader(async (ids) => pick(await facts.rfm(manager, ids), ids, null)),
    lifecycle: new DataLoader(async (ids) => pick(await facts.lifecycle(manager, ids), ids, null)),
    consents: new DataLoader(async (ids) => pick(await facts.consents(manager, ids), ids, [])),
    timeline: new DataLoader(
      async (keys) => {
        // Customers asked for with the same page arguments share one query.
        const groups = new Map<string, { page: TimelinePage; ids: string[] }>();
        for (const { customerId, page } of keys) {
          const key = JSON.stringify(page);
          const group = groups.get(key) ?? { page, ids: [] };
          group.ids.push(customerId);
          groups.set(key, group);
        }
        const results = new Map<string, Map<string, TimelineEvent[]>>();
        await Promise.all(
          [...groups].map(async ([key, group]) => results.set(key, await loadTimelines(manager, group.ids, group.page))),
        );
        return keys.map(({ customerId, page }) => results.get(JSON.stringify(page))?.get(customerId) ?? []);
      },
      { cacheKeyFn: (key) => `${key.customerId}:${JSON.stringify(key.page)}` },
    ),
  };
}
