import { encodeEventBatch } from './event-codec';

/** An event ready to travel: the subject it goes to and its CloudEvent as JSON text. */
export interface SerializedEvent {
  subject: string;
  json: string;
}

/** The events of one message, all of one subject, and the message body. */
export interface EventBatch<E extends SerializedEvent> {
  subject: string;
  members: E[];
  /** The lone event's JSON, or a CloudEvents JSON batch of them all. */
  payload: string;
}

/**
 * Most events in one message, and most bytes: many per message spares JetStream and both ends the
 * per-message work (an acknowledgement, headers, a duplicate-window entry), and stays far below
 * NATS's default 1 MiB max_payload.
 */
export const MAX_EVENTS_PER_MESSAGE = 500;
export const MAX_MESSAGE_BYTES = 200_000;

/**
 * Groups events into messages, one subject each, in the order the events came within each subject.
 * Across subjects the order is not kept: consumers may see one subject's batch before another's.
 */
export function batchBySubject<E extends SerializedEvent>(events: readonly E[]): EventBatch<E>[] {
  const open = new Map<string, { members: E[]; bytes: number }>();
  const batches: EventBatch<E>[] = [];
  const close = (subject: string, members: E[]) => {
    const payload = members.length === 1 ? (members[0] as E).json : encodeEventBatch(members.map((e) => e.json));
    batches.push({ subject, members, payload });
  };
  for (const event of events) {
    const current = open.get(event.subject);
    const bytes = event.json.length + 1;
    if (current && current.members.length < MAX_EVENTS_PER_MESSAGE && current.bytes + bytes <= MAX_MESSAGE_BYTES) {
      current.members.push(event);
      current.bytes += bytes;
      continue;
    }
    if (current) close(event.subject, current.members);
    open.set(event.subject, { members: [event], bytes });
  }
  for (const [subject, { members }] of open) close(subject, members);
  return batches;
}
