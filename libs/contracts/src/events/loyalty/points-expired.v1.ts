import { z } from 'zod';
import { defineEvent } from '../define-event';
import { balanceSchema } from './loyalty-tier';

/** Unspent points reached their expiry (one EXPIRE entry per lot), all of one customer's in one event. */
export const pointsExpiredV1 = defineEvent({
  producer: 'loyalty',
  noun: 'points',
  verb: 'expired',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    /** Points expired in all, a positive number. */
    points: z.number().int().positive(),
    entries: z
      .array(
        z.object({
          entryId: z.uuid(),
          /** The credit (EARN or ADJUST entry) whose remainder expired. */
          lotId: z.uuid(),
          points: z.number().int().positive(),
          expiredAt: z.iso.datetime({ offset: true }),
        }),
      )
      .min(1),
    balance: balanceSchema,
  }),
});
