import { cloudEventSchema, type CloudEvent } from '@rekindle/contracts';

export type DecodedMessage =
  | { ok: true; event: CloudEvent }
  /** `payload` is the parsed JSON, or the raw text when it is not JSON; kept for the dead-letter record. */
  | { ok: false; error: string; payload: unknown };

/** Reads a message body as a CloudEvents envelope. The `data` is checked later, by the handler's contract. */
export function decodeEvent(body: Uint8Array): DecodedMessage {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}`, payload: text };
  }
  const result = cloudEventSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(envelope)'}: ${issue.message}`);
    return { ok: false, error: `not a CloudEvent: ${issues.join('; ')}`, payload: json };
  }
  return { ok: true, event: result.data as CloudEvent };
}
