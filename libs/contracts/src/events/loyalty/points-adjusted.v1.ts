import { z } from 'zod';
import { defineEvent } from '../define-event';
import { balanceSchema } from './loyalty-tier';

/** An operator adjusted a balance through adjustPoints (an ADJUST entry): `points` is signed. */
export const pointsAdjustedV1 = defineEvent({
  producer: 'loyalty',
  noun: 'points',
  verb: 'adjusted',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    entryId: z.uuid(),
    points: z.number().int().refine((n) => n !== 0, 'must not be 0'),
    reason: z.string().min(1),
    idempotencyKey: z.string().min(1),
    adjustedAt: z.iso.datetime({ offset: true }),
    /** For a credit: when its points expire. */
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
    balance: balanceSchema,
  }),
});
