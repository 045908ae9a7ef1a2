import { z } from 'zod';
import { moneyString } from './money';

/** The shape shared by order.cancelled and order.refunded: what was taken back, and when. */
export const orderReversalSchema = z.object({
  customerId: z.uuid(),
  orderId: z.string().min(1),
  amount: moneyString,
  occurredAt: z.iso.datetime({ offset: true }),
});
