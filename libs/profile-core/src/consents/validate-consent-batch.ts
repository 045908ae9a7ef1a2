import { z } from 'zod';
import type { InputIssue } from '@rekindle/util';

export const MAX_CONSENTS_PER_CALL = 1_000;
export const CONSENT_CHANNELS = ['EMAIL', 'SMS', 'PUSH'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export interface ConsentChange {
  customerExternalId: string;
  channel: ConsentChannel;
  granted: boolean;
  source: string;
  changedAt: string;
}

const TIMESTAMP = 'must be an ISO-8601 timestamp';

const consentSchema = (now: Date) =>
  z
    .object({
      customerExternalId: z.string().trim().min(1, 'must not be empty').max(200),
      channel: z.enum(CONSENT_CHANNELS, { error: `must be one of ${CONSENT_CHANNELS.join(', ')}` }),
      granted: z.boolean({ error: 'must be true or false' }),
      source: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
      changedAt: z
        .union([z.date(), z.iso.datetime({ offset: true, error: TIMESTAMP })], { error: TIMESTAMP })
        .transform((v) => new Date(v))
        .refine((d) => d.getTime() <= now.getTime() + 5 * 60 * 1000, 'must not be in the future')
        .transform((d) => d.toISOString()),
    })
    .strict();

/** Validates a whole consent batch: any issue rejects it, naming `consents[i].field`. */
export function validateConsentBatch(
  items: readonly unknown[],
  now: Date,
): { ok: true; changes: ConsentChange[] } | { ok: false; issues: InputIssue[] } {
  if (items.length === 0 || items.length > MAX_CONSENTS_PER_CALL) {
    return { ok: false, issues: [{ field: 'consents', message: `must hold 1 to ${MAX_CONSENTS_PER_CALL} consent changes, got ${items.length}` }] };
  }
  const schema = consentSchema(now);
  const issues: InputIssue[] = [];
  const changes: ConsentChange[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) changes.push(parsed.data);
    else for (const issue of parsed.error.issues) issues.push({ index, field: `consents[${index}].${issue.path.join('.')}`, message: issue.message });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, changes };
}
