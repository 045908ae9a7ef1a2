import { z } from 'zod';
import { defineEvent } from '../define-event';

export const consentChannelSchema = z.enum(['EMAIL', 'SMS', 'PUSH']);

export const consentChangedV1 = defineEvent({
  producer: 'profile',
  noun: 'consent',
  verb: 'changed',
  version: 1,
  schema: z.object({
    customerId: z.uuid(),
    channel: consentChannelSchema,
    granted: z.boolean(),
    source: z.string().min(1),
    changedAt: z.iso.datetime({ offset: true }),
  }),
});
