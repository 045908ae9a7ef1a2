import { z } from 'zod';
import { defineEvent } from '../define-event';

/**
 * A customer's first exposure to a running experiment: the variant they were assigned, stored once
 * and sticky from then on. Published once per (experiment, customer); `subject` is the customer id.
 */
export const exposureRecordedV1 = defineEvent({
  producer: 'experiment',
  noun: 'exposure',
  verb: 'recorded',
  version: 1,
  schema: z.object({
    experimentId: z.uuid(),
    experimentKey: z.string().min(1),
    customerId: z.uuid(),
    /** The variant key; the experiment's first variant is the control. */
    variant: z.string().min(1),
    isControl: z.boolean(),
    exposedAt: z.iso.datetime({ offset: true }),
  }),
});
