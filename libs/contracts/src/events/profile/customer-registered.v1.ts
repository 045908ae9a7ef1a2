import { z } from 'zod';
import { defineEvent } from '../define-event';
import { customerSnapshotSchema } from './customer-snapshot';

/** A customer Rekindle had not seen before was created (by upsertCustomers or a first event). */
export const customerRegisteredV1 = defineEvent({
  producer: 'profile',
  noun: 'customer',
  verb: 'registered',
  version: 1,
  schema: z.object({ customer: customerSnapshotSchema }),
});
