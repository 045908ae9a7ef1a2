import { z } from 'zod';

/** What other services may keep of a customer in their read models. */
export const customerSnapshotSchema = z.object({
  id: z.uuid(),
  externalId: z.string().min(1),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  name: z.string().nullable(),
  birthDate: z.iso.date().nullable(),
  gender: z.string().nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  signedUpAt: z.iso.datetime({ offset: true }).nullable(),
  attributes: z.record(z.string(), z.unknown()),
});

export type CustomerSnapshot = z.infer<typeof customerSnapshotSchema>;
