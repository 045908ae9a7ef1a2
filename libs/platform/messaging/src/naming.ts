const EVENT_TYPE = /^rekindle\.([a-z]+)((?:\.[a-z_]+)+\.v\d+)$/;

/** `rekindle.profile.customer.registered.v1` -> `profile.customer.registered.v1` (DESIGN.md §3). */
export function subjectOfType(eventType: string): string {
  const match = EVENT_TYPE.exec(eventType);
  if (!match) throw new Error(`not a Rekindle event type: ${eventType}`);
  return `${match[1]}${match[2]}`;
}

/** The producing service of an unprefixed subject: its first token. */
export function producerOfSubject(subject: string): string {
  const producer = subject.split('.', 1)[0];
  if (!producer) throw new Error(`subject without a producer: ${subject}`);
  return producer;
}

export function prefixedSubject(prefix: string, subject: string): string {
  return prefix ? `${prefix}.${subject}` : subject;
}

/** `PROFILE`, or `T_X_1A2B3C4D_PROFILE` under a test prefix. */
export function streamNameOf(prefix: string, producer: string): string {
  return (prefix ? `${prefix}_${producer}` : producer).toUpperCase();
}

const PREFIX = /^([a-z][a-z0-9_]*)?$/;

export function assertValidPrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) throw new Error(`bus prefix must be empty or lower-case letters, digits and underscores: ${prefix}`);
}
