import { createEvent } from '@rekindle/contracts';
import { decodeMessage, encodeEventBatch } from './event-codec';
import { widgetMadeV1 } from './test-fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeMessage', () => {
  it('reads a CloudEvents envelope', () => {
    const event = createEvent(widgetMadeV1, { data: { n: 1 }, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(decodeMessage(bytes(JSON.stringify(event)))).toEqual({ ok: true, events: [event] });
  });

  it('reads a batch of envelopes in order', () => {
    const events = [1, 2, 3].map((n) => createEvent(widgetMadeV1, { data: { n } }));
    const body = encodeEventBatch(events.map((event) => JSON.stringify(event)));
    expect(JSON.parse(body)).toEqual(events);
    expect(decodeMessage(bytes(body))).toEqual({ ok: true, events });
  });

  it('keeps the raw text of a body that is not JSON', () => {
    expect(decodeMessage(bytes('{nope'))).toEqual({ ok: false, error: expect.stringMatching(/^not JSON/), payload: '{nope' });
  });

  it('names what is wrong with an envelope', () => {
    const envelope = { specversion: '1.0', id: 'x', type: 'whatever' };
    expect(decodeMessage(bytes(JSON.stringify(envelope)))).toEqual({
      ok: false,
      error: expect.stringMatching(/^not a CloudEvent: .*id: .*type: /),
      payload: envelope,
    });
  });

  it('rejects a batch with one bad envelope whole, naming its position, and an empty batch', () => {
    const good = createEvent(widgetMadeV1, { data: { n: 1 } });
    const batch = [good, { specversion: '1.0', id: 'x' }];
    expect(decodeMessage(bytes(JSON.stringify(batch)))).toEqual({
      ok: false,
      error: expect.stringMatching(/^not a CloudEvent: \[1\]\./),
      payload: batch,
    });
    expect(decodeMessage(bytes('[]'))).toEqual({ ok: false, error: 'an empty batch', payload: [] });
  });
});
