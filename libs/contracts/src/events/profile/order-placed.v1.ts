import { z } from 'zod';
import { defineEvent } from '../define-event';
import { moneyString } from './money';

export const orderPlacedV1 = defineEvent({
  producer: 'profile',
  noun: 'order',
  verb: 'placed',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    orderId: z.string().min(1),
    placedAt: z.iso.datetime({ offset: true }),
    currency: z.string().length(3),
    total: moneyString,
    lines: z.array(
      z.object({ productId: z.string(), category: z.string().nullable(), quantity: z.number().int(), unitPrice: moneyString }),
    ),
  }),
});
