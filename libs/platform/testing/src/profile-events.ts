import { randomUUID } from 'node:crypto';
import {
  activityRecordedV1,
  createEvent,
  customerRegisteredV1,
  customerUpdatedV1,
  orderCancelledV1,
  orderPlacedV1,
  orderRefundedV1,
  type CloudEvent,
  type CustomerSnapshot,
} from '@rekindle/contracts';
import { subjectOfType, type Bus } from '@rekindle/platform-messaging';

export interface RecordedEventOptions {
  /** The partner's eventId of the recorded event, which its activity.recorded carries; a random one by default. */
  eventId?: string;
}

const at = (time: string) => new Date(time);

/** A customer profile knows by its externalId alone (and a birth date), as upsertCustomers registers it. */
const customerOf = (customerId: string, externalId: string, birthDate: string | null): CustomerSnapshot => ({
  id: customerId,
  externalId,
  email: null,
  phone: null,
  name: null,
  birthDate,
  gender: null,
  region: null,
  city: null,
  signedUpAt: null,
  attributes: {},
});

const defaultExternalId = (customerId: string) => `ext-${customerId.slice(0, 8)}`;

/** activity.recorded of a recorded event of `activityType` whose typed part profile stored as `data`. */
function activity(customerId: string, time: string, activityType: string, data: Record<string, unknown>, options: RecordedEventOptions = {}): CloudEvent {
  return createEvent(activityRecordedV1, {
    subject: customerId,
    time: at(time),
    data: { customerId, eventId: options.eventId ?? randomUUID(), activityType, occurredAt: at(time).toISOString(), data },
  });
}

/**
 * Profile's events as profile emits them, for the tests of the services that read them, built on
 * the contracts (so every one is valid). A recorded event announces its activity.recorded (with its
 * typed part as profile stores it) and, for the order types, its order event; a registration and
 * an update carry the customer's snapshot. Profile derives ids it alone knows (and sends the
 * request's traceparent): those differ. Amounts go out as given; profile sends canonical decimal
 * strings ("21.5"). apps/profile's profile-events int-spec holds these to what profile publishes.
 */
export const profileEvents = {
  /** customer.registered of a customer known by its externalId (and birth date), at `time`. */
  registered(customerId: string, time: string, birthDate: string | null = null, externalId = defaultExternalId(customerId)): CloudEvent {
    return createEvent(customerRegisteredV1, { subject: customerId, time: at(time), data: { customer: customerOf(customerId, externalId, birthDate) } });
  },
  /** customer.updated after the customer's birth date changed, at `time`. */
  updated(customerId: string, time: string, birthDate: string | null, externalId = defaultExternalId(customerId)): CloudEvent {
    return createEvent(customerUpdatedV1, {
      subject: customerId,
      time: at(time),
      data: { customer: customerOf(customerId, externalId, birthDate), changedFields: ['birthDate'] },
    });
  },
  activity,
  /** activity.recorded of a LOGIN recorded without its optional part. */
  login(customerId: string, time: string, options: RecordedEventOptions = {}): CloudEvent {
    return activity(customerId, time, 'LOGIN', { channel: null }, options);
  },
  /** activity.recorded and order.placed of an ORDER_PLACED in GBP of one line worth `total`. */
  order(customerId: string, time: string, orderId: string, total: string, options: RecordedEventOptions = {}): CloudEvent[] {
    const lines = [{ productId: 'p1', category: null, quantity: 1, unitPrice: total }];
    const placedAt = at(time).toISOString();
    return [
      activity(customerId, time, 'ORDER_PLACED', { orderId, currency: 'GBP', lines, total }, options),
      createEvent(orderPlacedV1, { subject: customerId, time: at(time), data: { customerId, orderId, placedAt, currency: 'GBP', total, lines } }),
    ];
  },
  /** activity.recorded and order.cancelled or .refunded of an ORDER_CANCELLED or ORDER_REFUNDED of `amount`. */
  reversal(kind: 'CANCELLED' | 'REFUNDED', customerId: string, time: string, orderId: string, amount: string, options: RecordedEventOptions = {}): CloudEvent[] {
    return [
      activity(customerId, time, `ORDER_${kind}`, { orderId, amount }, options),
      createEvent(kind === 'CANCELLED' ? orderCancelledV1 : orderRefundedV1, {
        subject: customerId,
        time: at(time),
        data: { customerId, orderId, amount, occurredAt: at(time).toISOString() },
      }),
    ];
  },
};

/** Publishes events to the profile stream as profile's publishers would (Nats-Msg-Id = event id unless told otherwise), in order. */
export async function publishProfileEvents(bus: Bus, events: readonly CloudEvent[], msgIdOf: (event: CloudEvent) => string = (e) => e.id): Promise<void> {
  await bus.ensureStream('profile');
  for (const event of events) await bus.js.publish(bus.subjectFor(subjectOfType(event.type)), JSON.stringify(event), { msgID: msgIdOf(event) });
}
