import { z } from 'zod';
import { orderTotal } from '@rekindle/util';
import { moneySchema } from './money';

export const MAX_ORDER_LINES = 1_000;
/** Bounds counts (quantities, depth) well inside a PostgreSQL integer. */
export const MAX_COUNT = 1_000_000;
const MAX_PROPERTIES_BYTES = 16 * 1024;

const required = (kind: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined || issue.input === null ? 'is required' : `must be ${kind}`),
});
export const requiredText = (max: number) =>
  z.string(required('a string')).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string('must be a string')
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));
const count = (min: number) =>
  z
    .number(required('a number'))
    .int('must be a whole number')
    .min(min, min === 0 ? 'must not be negative' : `must be at least ${min}`)
    .max(MAX_COUNT, `must be at most ${MAX_COUNT}`);
const object = <S extends z.ZodRawShape>(shape: S) => z.object(shape, required('an object')).strict();

const orderLineSchema = object({
  productId: requiredText(200),
  /** Optional: the Online Retail data has no categories. */
  category: optionalText(200),
  /**
   * Strictly positive. In the Online Retail data negative quantities only appear on cancellation
   * invoices ("C…", sent as ORDER_CANCELLED with the amount Σ|quantity| × unitPrice) and on stock
   * adjustments without a CustomerID (skipped), so an ORDER_PLACED never needs one.
   */
  quantity: count(1),
  /** May be 0: free items (Online Retail has 40 such rows with a customer). */
  unitPrice: moneySchema,
});

const orderAmountSchema = object({ orderId: requiredText(200), amount: moneySchema });
const complaintSchema = object({ ticketId: requiredText(200), topic: requiredText(200) });

/**
 * The typed part of each event type, keyed by the input field that carries it. The same product may
 * appear on several lines of one order (it does in the Online Retail data); lines are kept as sent.
 * ORDER_PLACED gains `total`, the exact Σ quantity × unitPrice.
 */
export const EVENT_PAYLOADS = {
  /** LOGIN's part is optional: absent or null means `{ channel: null }`. */
  LOGIN: { field: 'login', optional: true, schema: object({ channel: optionalText(50) }) },
  PAGE_VIEW: { field: 'pageView', optional: false, schema: object({ path: requiredText(2000), depth: count(0) }) },
  SEARCH: { field: 'search', optional: false, schema: object({ query: requiredText(500) }) },
  ADD_TO_CART: { field: 'addToCart', optional: false, schema: object({ productId: requiredText(200), quantity: count(1) }) },
  ORDER_PLACED: {
    field: 'orderPlaced',
    optional: false,
    schema: object({
      orderId: requiredText(200),
      currency: z.string(required('a string')).regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code of 3 upper-case letters, such as GBP'),
      lines: z
        .array(orderLineSchema, required('a list'))
        .min(1, 'must hold at least one line')
        .max(MAX_ORDER_LINES, `must hold at most ${MAX_ORDER_LINES} lines`),
    }).transform((order) => ({ ...order, total: orderTotal(order.lines) })),
  },
  ORDER_CANCELLED: { field: 'orderCancelled', optional: false, schema: orderAmountSchema },
  ORDER_REFUNDED: { field: 'orderRefunded', optional: false, schema: orderAmountSchema },
  COMPLAINT_OPENED: { field: 'complaintOpened', optional: false, schema: complaintSchema },
  COMPLAINT_RESOLVED: { field: 'complaintResolved', optional: false, schema: complaintSchema },
  REVIEW_SUBMITTED: {
    field: 'reviewSubmitted',
    optional: false,
    schema: object({
      productId: requiredText(200),
      rating: z.number(required('a number')).int('must be a whole number').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5'),
    }),
  },
  CONTENT_SHARED: { field: 'contentShared', optional: false, schema: object({ channel: requiredText(100) }) },
  SOCIAL_INTERACTION: { field: 'socialInteraction', optional: false, schema: object({ kind: requiredText(100) }) },
  CUSTOM: {
    field: 'custom',
    optional: false,
    schema: object({
      name: requiredText(100),
      properties: z
        .record(z.string(), z.unknown(), 'must be an object')
        .refine((p) => JSON.stringify(p).length <= MAX_PROPERTIES_BYTES, `must be at most ${MAX_PROPERTIES_BYTES} bytes of JSON`)
        .nullish()
        .transform((p) => p ?? {}),
    }),
  },
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];
export const EVENT_PAYLOAD_FIELDS = EVENT_TYPES.map((type) => EVENT_PAYLOADS[type].field);

export type EventData<T extends EventType = EventType> = z.output<(typeof EVENT_PAYLOADS)[T]['schema']>;
export type OrderPlacedData = EventData<'ORDER_PLACED'>;
