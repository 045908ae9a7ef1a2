import { z } from 'zod';
import { defineEvent } from '../define-event';

export const lifecycleStageSchema = z.enum(['NEW', 'ACTIVE', 'REACTIVATED', 'EARLY_DORMANT', 'DORMANT', 'DEEP_DORMANT', 'SILENT']);

/** A customer moved between lifecycle stages; `from` is null for the first stage a customer gets. */
export const lifecycleChangedV1 = defineEvent({
  producer: 'profile',
  noun: 'lifecycle',
  verb: 'changed',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    from: lifecycleStageSchema.nullable(),
    to: lifecycleStageSchema,
    daysInactive: z.number().int().min(0),
    changedAt: z.iso.datetime({ offset: true }),
  }),
});
