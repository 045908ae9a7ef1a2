/** recordEvents as a partner sends it (the mutation and its inputs), for the profile's own tests and end-to-end tests. */
import { postGraphQL } from '../graphql-client';

const DAY_MS = 86_400_000;

/** `days` whole days (plus `hours`) before `now`, as ISO-8601. */
export const daysBefore = (now: string, days: number, hours = 0) => new Date(Date.parse(now) - days * DAY_MS - hours * 3_600_000).toISOString();

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${(sequence += 1)}`;

/** A CustomerEventInput of `type` for `customer` at `occurredAt`, with its typed part. */
export function customerEvent(customer: string, type: string, occurredAt: string, typed: Record<string, unknown> = {}) {
  return { eventId: nextId(`${customer}-${type.toLowerCase()}`), customerExternalId: customer, type, occurredAt, ...typed };
}

export const login = (customer: string, at: string) => customerEvent(customer, 'LOGIN', at);

export const order = (customer: string, at: string, orderId: string, lines: { quantity: number; unitPrice: string; category?: string }[]) =>
  customerEvent(customer, 'ORDER_PLACED', at, {
    orderPlaced: {
      orderId,
      currency: 'GBP',
      lines: lines.map((l, i) => ({ productId: `p${i}`, category: l.category ?? null, quantity: l.quantity, unitPrice: l.unitPrice })),
    },
  });

export const RECORD_EVENTS = `mutation Record($input: RecordEventsInput!) {
  recordEvents(input: $input) { accepted duplicates customersCreated rejected { index code field message } }
}`;

export interface RecordEventsData {
  recordEvents: {
    accepted: number;
    duplicates: number;
    customersCreated: number;
    rejected: { index: number; code: string; field: string; message: string }[];
  };
}

/**
 * recordEvents through a profile's GraphQL endpoint, then waits until the events are folded into
 * profiles and published (they are, in the background): what a test awaits before it reads.
 */
export async function recordEvents(profile: { url: string; settle(): Promise<void> }, events: unknown[]) {
  const result = await postGraphQL<RecordEventsData>(profile.url, RECORD_EVENTS, { input: { events } });
  await profile.settle();
  return result;
}
