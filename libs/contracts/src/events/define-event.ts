import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { cloudEventSchema, type CloudEvent } from './cloud-event';

/** A versioned event contract: frozen once shipped; a breaking change is a new version beside it. */
export interface EventContract<S extends z.ZodType = z.ZodType> {
  /** CloudEvents type, `rekindle.<service>.<noun>.<verb-past>.v<N>`. */
  type: string;
  /** NATS subject without any test prefix, `<service>.<noun>.<verb-past>.v<N>`. */
  subject: string;
  /** CloudEvents source, `rekindle/<service>`. */
  source: string;
  producer: string;
  schema: S;
}

export type EventData<C extends EventContract> = z.infer<C['schema']>;

export function defineEvent<S extends z.ZodType>(spec: {
  producer: string;
  noun: string;
  verb: string;
  version: number;
  schema: S;
}): EventContract<S> {
  const path = `${spec.producer}.${spec.noun}.${spec.verb}.v${spec.version}`;
  return { type: `rekindle.${path}`, subject: path, source: `rekindle/${spec.producer}`, producer: spec.producer, schema: spec.schema };
}

export interface NewEvent<T> {
  data: T;
  /** The customer id, where the event is about one. */
  subject?: string;
  id?: string;
  time?: Date;
  traceparent?: string;
}

/** Builds a CloudEvent for `contract`, validating the data against it: a producer can never emit a malformed event. */
export function createEvent<S extends z.ZodType>(contract: EventContract<S>, event: NewEvent<z.input<S>>): CloudEvent<z.infer<S>> {
  return {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    source: contract.source,
    type: contract.type,
    ...(event.subject === undefined ? {} : { subject: event.subject }),
    time: (event.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
    data: contract.schema.parse(event.data),
  };
}

/** Validates a received envelope and its data against `contract`; throws a ZodError when either is off. */
export function parseEvent<S extends z.ZodType>(contract: EventContract<S>, raw: unknown): CloudEvent<z.infer<S>> {
  const envelope = cloudEventSchema.parse(raw);
  if (envelope.type !== contract.type) {
    throw new Error(`expected an event of type ${contract.type}, got ${envelope.type}`);
  }
  return { ...envelope, data: contract.schema.parse(envelope.data) } as CloudEvent<z.infer<S>>;
}
