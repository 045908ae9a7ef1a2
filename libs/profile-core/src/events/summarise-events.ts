import type { CustomerEvent } from './validate-event-batch';

/** What one batch of new events adds to one customer's activity summary. */
export interface CustomerBatchSummary {
  customerExternalId: string;
  activityTimes: Date[];
  lastLoginAt: Date | null;
  lastOrderAt: Date | null;
  shares: number;
  socialInteractions: number;
}

/** Additions to one customer's logins and page views on one UTC day. */
export interface DailyActivityDelta {
  customerExternalId: string;
  day: string;
  logins: number;
  pageViews: number;
  depthSum: number;
}

export interface CategoryDelta {
  customerExternalId: string;
  category: string;
  orderLines: number;
  quantity: number;
}

export interface BatchSummary {
  customers: CustomerBatchSummary[];
  daily: DailyActivityDelta[];
  categories: CategoryDelta[];
}

const later = (a: Date | null, b: Date) => (a === null || b > a ? b : a);

/**
 * Folds newly recorded events into per-customer, per-day and per-category deltas, so the summary
 * tables take one set-based write each, whatever the batch size.
 */
export function summariseEvents(events: readonly CustomerEvent[]): BatchSummary {
  const customers = new Map<string, CustomerBatchSummary>();
  const daily = new Map<string, DailyActivityDelta>();
  const categories = new Map<string, CategoryDelta>();

  for (const event of events) {
    const at = new Date(event.occurredAt);
    const id = event.customerExternalId;
    let customer = customers.get(id);
    if (!customer) {
      customer = { customerExternalId: id, activityTimes: [], lastLoginAt: null, lastOrderAt: null, shares: 0, socialInteractions: 0 };
      customers.set(id, customer);
    }
    customer.activityTimes.push(at);

    if (event.type === 'LOGIN' || event.type === 'PAGE_VIEW') {
      const day = event.occurredAt.slice(0, 10);
      const key = `${id}\u0000${day}`;
      const delta = daily.get(key) ?? { customerExternalId: id, day, logins: 0, pageViews: 0, depthSum: 0 };
      if (event.type === 'LOGIN') {
        delta.logins += 1;
        customer.lastLoginAt = later(customer.lastLoginAt, at);
      } else {
        delta.pageViews += 1;
        delta.depthSum += event.data.depth;
      }
      daily.set(key, delta);
    } else if (event.type === 'ORDER_PLACED') {
      customer.lastOrderAt = later(customer.lastOrderAt, at);
      for (const line of event.data.lines) {
        if (!line.category) continue;
        const key = `${id}\u0000${line.category}`;
        const delta = categories.get(key) ?? { customerExternalId: id, category: line.category, orderLines: 0, quantity: 0 };
        delta.orderLines += 1;
        delta.quantity += line.quantity;
        categories.set(key, delta);
      }
    } else if (event.type === 'CONTENT_SHARED') {
      customer.shares += 1;
    } else if (event.type === 'SOCIAL_INTERACTION') {
      customer.socialInteractions += 1;
    }
  }
  return { customers: [...customers.values()], daily: [...daily.values()], categories: [...categories.values()] };
}
