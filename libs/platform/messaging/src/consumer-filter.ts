import { prefixedSubject, producerOfSubject, subjectOfType } from './naming';

/** Both keys are always present, one undefined, so updating a consumer switches cleanly between them. */
export type ConsumerFilter = { filter_subject: string; filter_subjects: undefined } | { filter_subject: undefined; filter_subjects: string[] };

/** nats-server 2.10 introduced `filter_subjects` (several filters on one consumer). */
export function supportsMultipleFilters(serverVersion: string | undefined): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(serverVersion ?? '');
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 2 || (major === 2 && minor >= 10);
}

/**
 * The subjects a durable consumer filters on: exactly its handlers' subjects where the server allows
 * several filters, else the producer's whole stream (events without a handler are then acked unread).
 * Every handled type must come from `producer`.
 */
export function consumerFilter(options: {
  prefix: string;
  producer: string;
  eventTypes: string[];
  serverVersion: string | undefined;
}): ConsumerFilter {
  const { prefix, producer, eventTypes, serverVersion } = options;
  if (eventTypes.length === 0) throw new Error(`a consumer of ${producer} needs at least one handler`);
  const subjects = [...new Set(eventTypes.map(subjectOfType))].sort();
  const foreign = subjects.filter((subject) => producerOfSubject(subject) !== producer);
  if (foreign.length > 0) throw new Error(`a consumer of the ${producer} stream cannot handle ${foreign.join(', ')}`);
  const prefixed = subjects.map((subject) => prefixedSubject(prefix, subject));
  if (prefixed.length === 1) return { filter_subject: prefixed[0] as string, filter_subjects: undefined };
  if (supportsMultipleFilters(serverVersion)) return { filter_subject: undefined, filter_subjects: prefixed };
  return { filter_subject: prefixedSubject(prefix, `${producer}.>`), filter_subjects: undefined };
}
