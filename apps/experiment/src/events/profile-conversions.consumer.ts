import { activityRecordedV1, orderPlacedV1 } from '@rekindle/contracts';
import { defineConsumer, type ConsumerDefinition } from '@rekindle/platform-messaging';
import { isDecimal } from '@rekindle/util';
import type { ConversionRepository } from '../data/conversion.repository';

/**
 * The durable consumers on profile's stream that count conversions, shared by every replica: one
 * per event type, so each filters on one subject server-side even on nats-server 2.9 (one durable
 * with several filters needs 2.10; with a single `profile.>` filter experiment would be sent, and
 * would ack, every registration, lifecycle change and RFM score as well).
 */
export const CONVERSION_CONSUMERS = {
  orders: 'experiment-conversions-orders',
  activity: 'experiment-conversions-activity',
} as const;

/** A metric on this event counts any customer activity at all: a reactivation. */
export const ANY_ACTIVITY = 'ANY_ACTIVITY';

const decimalOr0 = (value: unknown) => (isDecimal(value) ? value : '0');

/**
 * How profile's events become metric events, each event counted once:
 *  - order.placed is ORDER_PLACED, its amount the order total (typed in the contract);
 *  - activity.recorded is its activityType (LOGIN, PAGE_VIEW, ..., except ORDER_PLACED, which
 *    order.placed covers) with the amount of ORDER_CANCELLED / ORDER_REFUNDED, and always also
 *    ANY_ACTIVITY, whose amount is an order's total (gross revenue) and 0 for everything else.
 * Each is counted for every experiment the customer was exposed to whose metrics use that event,
 * when it occurred within the customer's conversion window (ConversionRepository.countEvent). The
 * inbox makes a redelivered event count once.
 */
export function profileConversionConsumers(conversions: ConversionRepository): ConsumerDefinition[] {
  const orders = defineConsumer({ producer: 'profile', durable: CONVERSION_CONSUMERS.orders }).on(orderPlacedV1, async ({ data }, manager) => {
    await conversions.countEvent(manager, { customerId: data.customerId, events: ['ORDER_PLACED'], amount: data.total, occurredAt: new Date(data.placedAt) });
  });
  const activity = defineConsumer({ producer: 'profile', durable: CONVERSION_CONSUMERS.activity }).on(activityRecordedV1, async ({ data }, manager) => {
    const occurredAt = new Date(data.occurredAt);
    if (data.activityType === 'ORDER_PLACED') {
      await conversions.countEvent(manager, { customerId: data.customerId, events: [ANY_ACTIVITY], amount: decimalOr0(data.data['total']), occurredAt });
      return;
    }
    const amount = data.activityType === 'ORDER_CANCELLED' || data.activityType === 'ORDER_REFUNDED' ? decimalOr0(data.data['amount']) : '0';
    await conversions.countEvent(manager, { customerId: data.customerId, events: [data.activityType], amount, occurredAt });
    await conversions.countEvent(manager, { customerId: data.customerId, events: [ANY_ACTIVITY], amount: '0', occurredAt });
  });
  return [orders, activity];
}
