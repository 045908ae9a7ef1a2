import type { EventType } from './event-payloads';

/** What the activity summary needs of one recorded event. */
export interface ActivityFact {
  customerId: string;
  type: EventType | string;
  occurredAtMs: number;
}

/** What a run of newly recorded events adds to one customer's activity summary. */
export interface CustomerActivityDelta {
  customerId: string;
  activityTimes: Date[];
  lastLoginAt: Date | null;
  lastOrderAt: Date | null;
  shares: number;
  socialInteractions: number;
}

const later = (a: Date | null, b: Date) => (a === null || b > a ? b : a);

/**
 * Folds newly recorded events into one delta per customer, in order of first appearance. The
 * profile's fold computes this in SQL (apps/profile EventFoldQuery); this is its specification,
 * and activity-fold.int-spec holds the SQL to it.
 */
export function summariseActivity(events: readonly ActivityFact[]): CustomerActivityDelta[] {
  const customers = new Map<string, CustomerActivityDelta>();
  for (const event of events) {
    const at = new Date(event.occurredAtMs);
    let customer = customers.get(event.customerId);
    if (!customer) {
      customer = { customerId: event.customerId, activityTimes: [], lastLoginAt: null, lastOrderAt: null, shares: 0, socialInteractions: 0 };
      customers.set(event.customerId, customer);
    }
    customer.activityTimes.push(at);
    if (event.type === 'LOGIN') customer.lastLoginAt = later(customer.lastLoginAt, at);
    else if (event.type === 'ORDER_PLACED') customer.lastOrderAt = later(customer.lastOrderAt, at);
    else if (event.type === 'CONTENT_SHARED') customer.shares += 1;
    else if (event.type === 'SOCIAL_INTERACTION') customer.socialInteractions += 1;
  }
  return [...customers.values()];
}
