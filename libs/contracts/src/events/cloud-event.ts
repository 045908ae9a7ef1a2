import { z } from 'zod';

/** CloudEvents 1.0, JSON structured mode (DESIGN.md §3); `traceparent` is the distributed-tracing extension. */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  traceparent?: string;
  data: T;
}

export const cloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  source: z.string().min(1),
  type: z.string().regex(/^rekindle\.[a-z]+(\.[a-z_]+)+\.v\d+$/),
  subject: z.string().min(1).optional(),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  traceparent: z.string().optional(),
  data: z.unknown(),
});
