import { z } from 'zod';
import { defineEvent } from '../define-event';
import { balanceSchema } from './loyalty-tier';

/** Points were spent through redeemPoints (a REDEEM entry), oldest lots first. */
export const pointsRedeemedV1 = defineEvent({
  producer: 'loyalty',
  noun: 'points',
  verb: 'redeemed',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    entryId: z.uuid(),
    /** Points spent, a positive number. */
    points: z.number().int().positive(),
    reason: z.string().min(1),
    idempotencyKey: z.string().min(1),
    redeemedAt: z.iso.datetime({ offset: true }),
    balance: balanceSchema,
  }),
});
