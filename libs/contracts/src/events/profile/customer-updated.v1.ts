import { z } from 'zod';
import { defineEvent } from '../define-event';
import { customerSnapshotSchema } from './customer-snapshot';

/** A known customer's attributes changed; `changedFields` names what changed, `customer` is the new state. */
export const customerUpdatedV1 = defineEvent({
  producer: 'profile',
  noun: 'customer',
  verb: 'updated',
  version: 1,
  schema: z.object({ customer: customerSnapshotSchema, changedFields: z.array(z.string()).min(1) }),
});
