/** The partner-supplied attributes of a customer: what an upsert sets and what events carry. */
export interface CustomerState {
  externalId: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  birthDate: string | null;
  gender: string | null;
  region: string | null;
  city: string | null;
  signedUpAt: string | null;
  attributes: Record<string, unknown>;
}

export const CUSTOMER_FIELDS = [
  'email',
  'phone',
  'name',
  'birthDate',
  'gender',
  'region',
  'city',
  'signedUpAt',
  'attributes',
] as const;

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/**
 * One validated item of an upsert: `externalId` plus only the fields the partner sent. A field that
 * is absent is left as it is; a field sent as null is cleared. `attributes` is merged key by key,
 * and an attribute sent as null is removed.
 */
export type CustomerPatch = { externalId: string } & Partial<Omit<CustomerState, 'externalId' | 'attributes'>> & {
  attributes?: Record<string, unknown> | null;
};
