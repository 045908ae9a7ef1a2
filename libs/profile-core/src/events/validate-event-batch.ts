import { z } from 'zod';
import { ErrorCode, type InputIssue } from '@rekindle/util';
import { EVENT_PAYLOADS, EVENT_PAYLOAD_FIELDS, EVENT_TYPES, requiredText, type EventData, type EventType } from './event-payloads';

export const MAX_EVENTS_PER_CALL = 5_000;
/** Clock skew allowed between a partner's clock and ours. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
export const EARLIEST_OCCURRED_AT = new Date('1990-01-01T00:00:00.000Z');

/** A valid customer event, normalised: trimmed text, canonical money strings, `occurredAt` in ISO-8601 UTC. */
export type CustomerEvent = {
  [T in EventType]: { eventId: string; customerExternalId: string; occurredAt: string; type: T; data: EventData<T> };
}[EventType];

/** An accepted item, with its position in the input list. */
export type ValidEvent = CustomerEvent & { index: number };

export const EventRejectionCode = { BAD_USER_INPUT: ErrorCode.BAD_USER_INPUT, DUPLICATE_IN_BATCH: 'DUPLICATE_IN_BATCH' } as const;
export type EventRejectionCode = (typeof EventRejectionCode)[keyof typeof EventRejectionCode];

/**
 * One rejected item. `field` and `message` come from its first issue, `message` naming the field
 * (it is what the GraphQL payload shows); `issues` lists every problem of the item.
 */
export interface EventRejection {
  index: number;
  code: EventRejectionCode;
  field: string;
  message: string;
  issues: InputIssue[];
}

export type EventBatchValidation =
  | { ok: true; accepted: ValidEvent[]; rejected: EventRejection[] }
  /** The batch itself is unacceptable (empty or too large): nothing was looked at. */
  | { ok: false; issues: InputIssue[] };

const TIMESTAMP = 'must be an ISO-8601 timestamp with a time zone';

/**
 * The latest occurredAt the batch being validated accepts. validateEventBatch sets it before its
 * (synchronous) run, so one envelope schema serves every call: zod compiles a schema on first use,
 * so a schema built per call was compiled per call.
 */
let latestOccurredAt = 0;

const envelope = z
  .object(
    {
      eventId: requiredText(200),
      customerExternalId: requiredText(200),
      type: z.enum(EVENT_TYPES as [EventType, ...EventType[]], { error: `must be one of ${EVENT_TYPES.join(', ')}` }),
      occurredAt: z
        .union([z.date(), z.iso.datetime({ offset: true, error: TIMESTAMP })], { error: TIMESTAMP })
        .transform((v) => new Date(v))
        .refine((d) => d >= EARLIEST_OCCURRED_AT, 'must not be before 1990-01-01')
        .refine((d) => d.getTime() <= latestOccurredAt, 'must not be more than 5 minutes in the future')
        .transform((d) => d.toISOString()),
      ...Object.fromEntries(EVENT_PAYLOAD_FIELDS.map((field) => [field, z.unknown().optional()])),
    },
    { error: 'must be an object' },
  )
  .strict();

/**
 * Validates a `recordEvents` batch item by item: a bad item is rejected alone and never blocks the
 * good ones. Each item must carry the typed part named for its type (`orderPlaced` for
 * ORDER_PLACED; LOGIN's `login` is optional) and no other typed part. An item whose eventId an
 * earlier accepted item of the batch already carries is rejected as DUPLICATE_IN_BATCH, whatever
 * its other fields; an earlier item that was itself rejected does not take the id, so a good later
 * item with it is judged on its own.
 */
export function validateEventBatch(items: readonly unknown[], now: Date): EventBatchValidation {
  if (items.length === 0) return { ok: false, issues: [{ field: 'events', message: 'must hold at least one event' }] };
  if (items.length > MAX_EVENTS_PER_CALL) {
    return { ok: false, issues: [{ field: 'events', message: `must hold at most ${MAX_EVENTS_PER_CALL} events per call, got ${items.length}` }] };
  }
  latestOccurredAt = now.getTime() + MAX_FUTURE_SKEW_MS;
  const accepted: ValidEvent[] = [];
  const rejected: EventRejection[] = [];
  const acceptedIndexOf = new Map<string, number>();
  items.forEach((item, index) => {
    const at = `events[${index}]`;
    const result = validateItem(item, index, at);
    const eventId = result.ok ? result.event.eventId : result.eventId;
    const earlier = eventId === undefined ? undefined : acceptedIndexOf.get(eventId);
    if (earlier !== undefined) {
      const message = `repeats events[${earlier}].eventId "${eventId}"; each event is recorded once`;
      rejected.push(rejection(index, EventRejectionCode.DUPLICATE_IN_BATCH, [{ field: `${at}.eventId`, message }]));
    } else if (!result.ok) {
      rejected.push(rejection(index, EventRejectionCode.BAD_USER_INPUT, result.issues));
    } else {
      acceptedIndexOf.set(result.event.eventId, index);
      accepted.push(result.event);
    }
  });
  return { ok: true, accepted, rejected };
}

type ItemResult = { ok: true; event: ValidEvent } | { ok: false; eventId?: string; issues: InputIssue[] };

function validateItem(item: unknown, index: number, at: string): ItemResult {
  const parsed = envelope.safeParse(item);
  const issues = parsed.success ? [] : toIssues(parsed.error, at);
  const raw = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  const type = EVENT_TYPES.find((t) => t === raw['type']);
  let data: unknown;
  if (type) {
    const spec = EVENT_PAYLOADS[type];
    for (const field of EVENT_PAYLOAD_FIELDS) {
      if (field !== spec.field && raw[field] != null) issues.push({ field: `${at}.${field}`, message: `must be absent for type ${type}` });
    }
    const part = raw[spec.field];
    if (part == null && !spec.optional) {
      issues.push({ field: `${at}.${spec.field}`, message: `is required for type ${type}` });
    } else {
      const payload = spec.schema.safeParse(part ?? {});
      if (payload.success) data = payload.data;
      else issues.push(...toIssues(payload.error, `${at}.${spec.field}`));
    }
  }
  if (!parsed.success || issues.length > 0) {
    const eventId = parsed.success ? parsed.data.eventId : requiredText(200).safeParse(raw['eventId']).data;
    return { ok: false, eventId, issues };
  }
  const { eventId, customerExternalId, occurredAt } = parsed.data;
  return { ok: true, event: { index, eventId, customerExternalId, occurredAt, type: parsed.data.type, data } as ValidEvent };
}

function rejection(index: number, code: EventRejectionCode, issues: InputIssue[]): EventRejection {
  const [first] = issues as [InputIssue, ...InputIssue[]];
  const message = issues.map((i) => `${i.field} ${i.message}`).join('; ');
  return { index, code, field: first.field, message, issues: issues.map((i) => ({ index, ...i })) };
}

function toIssues(error: z.ZodError, at: string): InputIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldPath(at, [...issue.path, key]), message: 'is not a known field' }))
      : [{ field: fieldPath(at, issue.path), message: issue.message }],
  );
}

/** `events[3]` + ['orderPlaced', 'lines', 0, 'unitPrice'] -> `events[3].orderPlaced.lines[0].unitPrice`. */
function fieldPath(at: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), at);
}
