import { cloudEventSchema, type CloudEvent } from '@rekindle/contracts';

export type DecodedMessage =
  /** One event, or every event of a batch in the order they were sent. */
  | { ok: true; events: CloudEvent[] }
  /** `payload` is the parsed JSON, or the raw text when it is not JSON; kept for the dead-letter record. */
  | { ok: false; error: string; payload: unknown };

/**
 * Reads a message body: one CloudEvents envelope (a JSON object), or a batch of them in the
 * CloudEvents JSON batch format (a JSON array; `encodeEventBatch`). The `data` of each is checked
 * later, by the handler's contract. A batch with one malformed envelope is rejected whole.
 */
export function decodeMessage(body: Uint8Array): DecodedMessage {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}`, payload: text };
  }
  const envelopes = Array.isArray(json) ? json : [json];
  if (envelopes.length === 0) return { ok: false, error: 'an empty batch', payload: json };
  const events: CloudEvent[] = [];
  for (const [index, envelope] of envelopes.entries()) {
    const result = cloudEventSchema.safeParse(envelope);
    if (!result.success) {
      const at = Array.isArray(json) ? `[${index}].` : '';
      const issues = result.error.issues.map((issue) => `${at}${issue.path.join('.') || '(envelope)'}: ${issue.message}`);
      return { ok: false, error: `not a CloudEvent: ${issues.join('; ')}`, payload: json };
    }
    events.push(result.data as CloudEvent);
  }
  return { ok: true, events };
}

/**
 * A batch body in the CloudEvents JSON batch format (`application/cloudevents-batch+json`): a JSON
 * array of envelopes, from each envelope's JSON text. One message then carries many events, each
 * still with its own id, type and data; consumers apply them one by one (`decodeMessage`).
 */
export function encodeEventBatch(envelopeJsonTexts: readonly string[]): string {
  return `[${envelopeJsonTexts.join(',')}]`;
}
