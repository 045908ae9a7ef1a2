import { z } from 'zod';
import { defineEvent } from '../define-event';
import { loyaltyTierSchema } from './loyalty-tier';

/**
 * A month-end evaluation moved a customer one tier up or down. Catching up several months emits one
 * event per change, in month order.
 */
export const tierChangedV1 = defineEvent({
  producer: 'loyalty',
  noun: 'tier',
  verb: 'changed',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    from: loyaltyTierSchema,
    to: loyaltyTierSchema,
    direction: z.enum(['PROMOTED', 'DEMOTED']),
    /** The month whose end was evaluated, 'YYYY-MM'. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    /** When the new tier took effect: the first instant after that month. */
    effectiveAt: z.iso.datetime({ offset: true }),
    /** One sentence for people, e.g. "MEMBER -> SILVER: 3 consecutive active months (needs 3) …". */
    reason: z.string().min(1),
    consecutiveActiveMonths: z.number().int().min(0),
    inactiveMonthsInTier: z.number().int().min(0),
    growthLast12Months: z.number().int().min(0),
  }),
});
