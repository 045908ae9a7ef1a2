import { orderTotal } from '@rekindle/util';
import type { Invoice } from './group-invoices';

/** The Online Retail shop sells in pounds sterling. */
export const CURRENCY = 'GBP';
export const EVENT_ID_PREFIX = 'online-retail:';

/** The `CustomerEventInput` shapes this importer sends (profile schema.graphql). */
export interface OrderPlacedEventInput {
  eventId: string;
  customerExternalId: string;
  type: 'ORDER_PLACED';
  occurredAt: string;
  orderPlaced: {
    orderId: string;
    currency: string;
    lines: { productId: string; category: null; quantity: number; unitPrice: string }[];
  };
}

export interface OrderCancelledEventInput {
  eventId: string;
  customerExternalId: string;
  type: 'ORDER_CANCELLED';
  occurredAt: string;
  orderCancelled: { orderId: string; amount: string };
}

export type ImportEventInput = OrderPlacedEventInput | OrderCancelledEventInput;

/** The idempotency key of an invoice's event: the same on every run. */
export const eventIdOf = (invoiceNo: string) => `${EVENT_ID_PREFIX}${invoiceNo}`;

/**
 * One event per invoice: ORDER_PLACED with its lines (no category: the data has none), or for a
 * "C" invoice ORDER_CANCELLED with the exact amount Σ|quantity| × unitPrice (BigInt minor units).
 */
export function invoiceToEvent(invoice: Invoice): ImportEventInput {
  const common = {
    eventId: eventIdOf(invoice.invoiceNo),
    customerExternalId: invoice.customerId,
    occurredAt: new Date(invoice.occurredAt).toISOString(),
  };
  if (invoice.cancellation) {
    return { ...common, type: 'ORDER_CANCELLED', orderCancelled: { orderId: invoice.invoiceNo, amount: orderTotal(invoice.lines) } };
  }
  return {
    ...common,
    type: 'ORDER_PLACED',
    orderPlaced: {
      orderId: invoice.invoiceNo,
      currency: CURRENCY,
      lines: invoice.lines.map((l) => ({ productId: l.productId, category: null, quantity: l.quantity, unitPrice: l.unitPrice })),
    },
  };
}
