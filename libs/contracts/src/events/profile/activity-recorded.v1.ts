import { z } from 'zod';
import { defineEvent } from '../define-event';

/** One per accepted customer event, whatever its type; `data` is the typed part as accepted. */
export const activityRecordedV1 = defineEvent({
  producer: 'profile',
  noun: 'activity',
  verb: 'recorded',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    eventId: z.string().min(1),
    activityType: z.string().min(1),
    occurredAt: z.iso.datetime({ offset: true }),
    data: z.record(z.string(), z.unknown()),
  }),
});
