import { z } from 'zod';
import { moneyString } from '../profile/money';
import { defineEvent } from '../define-event';
import { balanceSchema, loyaltyTierSchema } from './loyalty-tier';

/** An order earned points (an EARN entry in the ledger). Not emitted for an order worth 0 points. */
export const pointsEarnedV1 = defineEvent({
  producer: 'loyalty',
  noun: 'points',
  verb: 'earned',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    /** The ledger entry, also the id of the lot these points form. */
    entryId: z.uuid(),
    orderId: z.string().min(1),
    /** The profile event (order.placed) that caused it. */
    causeEventId: z.uuid(),
    points: z.number().int().positive(),
    /** Growth value the order added (whole currency units of its value, never multiplied). */
    growth: z.number().int().min(0),
    orderValue: moneyString,
    /** The tier held when the order was placed, whose multiplier applied. */
    tier: loyaltyTierSchema,
    /** Whether the birthday multiplier applied. */
    birthdayBonus: z.boolean(),
    earnedAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    balance: balanceSchema,
  }),
});
