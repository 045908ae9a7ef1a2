import { z } from 'zod';
import { moneyString } from '../profile/money';
import { defineEvent } from '../define-event';
import { balanceSchema } from './loyalty-tier';

/**
 * A cancellation or refund took back what its order earned (pro rata for a partial refund). Where
 * the customer had already spent the points, the balance stops at zero and `shortfall` says how many
 * could not be taken back.
 */
export const pointsReversedV1 = defineEvent({
  producer: 'loyalty',
  noun: 'points',
  verb: 'reversed',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    /** The REVERSAL entry; null when nothing was due (an order that earned 0 points). */
    entryId: z.uuid().nullable(),
    orderId: z.string().min(1),
    /** The profile event (order.cancelled or order.refunded) that caused it. */
    causeEventId: z.uuid(),
    kind: z.enum(['CANCELLED', 'REFUNDED']),
    amount: moneyString,
    /** Points taken back, zero or positive. */
    points: z.number().int().min(0),
    shortfall: z.number().int().min(0),
    /** Growth value taken back from the order's month. */
    growth: z.number().int().min(0),
    reversedAt: z.iso.datetime({ offset: true }),
    balance: balanceSchema,
  }),
});
