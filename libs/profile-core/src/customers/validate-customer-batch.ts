import { z } from 'zod';
import type { InputIssue } from '@rekindle/util';
import type { CustomerPatch } from './customer-state';

export const MAX_CUSTOMERS_PER_CALL = 10_000;
const MAX_ATTRIBUTES_BYTES = 16 * 1024;

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => trimmed(max).transform((v) => (v === '' ? null : v)).nullable().optional();

/** `now` bounds birth dates and signup times, which cannot lie in the future. */
const customerItemSchema = (now: Date) =>
  z
  .object({
    externalId: trimmed(200).min(1, 'must not be empty'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('is not a valid email address').max(320))
      .nullable()
      .optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{4,30}$/, 'is not a valid phone number')
      .nullable()
      .optional(),
    name: optionalText(200),
    birthDate: z.iso
      .date('must be a date YYYY-MM-DD')
      .refine((d) => d >= '1900-01-01', 'must be after 1900-01-01')
      .refine((d) => d <= now.toISOString().slice(0, 10), 'must not be in the future')
      .nullable()
      .optional(),
    gender: optionalText(50),
    region: optionalText(100),
    city: optionalText(100),
    signedUpAt: z
      .union([z.date(), z.iso.datetime({ offset: true, message: 'must be an ISO-8601 timestamp' })], {
        message: 'must be an ISO-8601 timestamp',
      })
      .transform((v) => new Date(v))
      .refine((d) => d <= now, 'must not be in the future')
      .transform((d) => d.toISOString())
      .nullable()
      .optional(),
    attributes: z
      .record(z.string(), z.unknown())
      .refine((a) => JSON.stringify(a).length <= MAX_ATTRIBUTES_BYTES, `must be at most ${MAX_ATTRIBUTES_BYTES} bytes of JSON`)
      .nullable()
      .optional(),
  })
  .strict();

export type BatchValidation = { ok: true; patches: CustomerPatch[] } | { ok: false; issues: InputIssue[] };

/**
 * Validates and normalises a whole upsert batch. Any issue rejects the batch, so nothing is written
 * unless every item is good; each issue names the item (`customers[i].field`) and its index.
 */
export function validateCustomerBatch(items: readonly unknown[], now: Date): BatchValidation {
  if (items.length === 0) return { ok: false, issues: [{ field: 'customers', message: 'must hold at least one customer' }] };
  if (items.length > MAX_CUSTOMERS_PER_CALL) {
    return {
      ok: false,
      issues: [{ field: 'customers', message: `must hold at most ${MAX_CUSTOMERS_PER_CALL} customers per call, got ${items.length}` }],
    };
  }
  const issues: InputIssue[] = [];
  const patches: CustomerPatch[] = [];
  const firstIndexOf = new Map<string, number>();
  const schema = customerItemSchema(now);
  items.forEach((item, index) => {
    const at = (field: string) => `customers[${index}].${field}`;
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.');
        issues.push({ index, field: at(field), message: issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message });
      }
      return;
    }
    const patch = stripUndefined(parsed.data) as CustomerPatch;
    const earlier = firstIndexOf.get(patch.externalId);
    if (earlier !== undefined) {
      issues.push({ index, field: at('externalId'), message: `repeats customers[${earlier}].externalId; send each customer once per call` });
    } else {
      firstIndexOf.set(patch.externalId, index);
    }
    patches.push(patch);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, patches };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
