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
} from '@rekindle/contracts';
import type { Bus } from '@rekindle/platform-messaging';
import { subjectOfType } from '@rekindle/platform-messaging';

/**
 * Profile's events as profile emits them, for tests that drive loyalty without a profile service:
 * each order comes with its activity.recorded, as recordEvents publishes them.
 */
export const profileEvents = {
  registered(customerId: string, at: string, birthDate: string | null = null): CloudEvent {
    return createEvent(customerRegisteredV1, {
      subject: customerId,
      time: new Date(at),
      data: {
        customer: {
          id: customerId,
          externalId: `ext-${customerId.slice(0, 8)}`,
          email: null,
          phone: null,
          name: null,
          birthDate,
          gender: null,
          region: null,
          city: null,
          signedUpAt: null,
          attributes: {},
        },
      },
    });
  },
  updated(customerId: string, at: string, birthDate: string | null): CloudEvent {
    const registered = profileEvents.registered(customerId, at, birthDate) as CloudEvent<{ customer: unknown }>;
    return createEvent(customerUpdatedV1, {
      subject: customerId,
      time: new Date(at),
      data: { customer: registered.data.customer as never, changedFields: ['birthDate'] },
    });
  },
  activity(customerId: string, at: string, activityType = 'LOGIN'): CloudEvent {
    return createEvent(activityRecordedV1, {
      subject: customerId,
      time: new Date(at),
      data: { customerId, eventId: randomUUID(), activityType, occurredAt: at, data: {} },
    });
  },
  /** activity.recorded and order.placed of one order worth `total`. */
  order(customerId: string, at: string, orderId: string, total: string): CloudEvent[] {
    return [
      profileEvents.activity(customerId, at, 'ORDER_PLACED'),
      createEvent(orderPlacedV1, {
        subject: customerId,
        time: new Date(at),
        data: {
          customerId,
          orderId,
          placedAt: at,
          currency: 'GBP',
          total,
          lines: [{ productId: 'p1', category: null, quantity: 1, unitPrice: total }],
        },
      }),
    ];
  },
  reversal(kind: 'CANCELLED' | 'REFUNDED', customerId: string, at: string, orderId: string, amount: string): CloudEvent {
    return createEvent(kind === 'CANCELLED' ? orderCancelledV1 : orderRefundedV1, {
      subject: customerId,
      time: new Date(at),
      data: { customerId, orderId, amount, occurredAt: at },
    });
  },
};

/** Publishes events to the profile stream as profile's relay would (Nats-Msg-Id = event id), in order. */
export async function publishProfileEvents(bus: Bus, events: readonly CloudEvent[], msgIdOf: (event: CloudEvent) => string = (e) => e.id): Promise<void> {
  await bus.ensureStream('profile');
  for (const event of events) await bus.js.publish(bus.subjectFor(subjectOfType(event.type)), JSON.stringify(event), { msgID: msgIdOf(event) });
}
