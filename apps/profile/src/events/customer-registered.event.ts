import { createEvent, customerRegisteredV1, type CloudEvent } from '@rekindle/contracts';
import { toCustomerSnapshot, type CustomerModel } from '../data/customer.model';

/** customer.registered for each customer created now. */
export function customerRegisteredEvents(customers: readonly CustomerModel[], now: Date, traceparent?: string): CloudEvent[] {
  return customers.map((c) =>
    createEvent(customerRegisteredV1, { subject: c.id, time: now, traceparent, data: { customer: toCustomerSnapshot(c) } }),
  );
}
