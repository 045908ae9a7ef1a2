import { createEvent } from '@rekindle/contracts';
import { decodeEvent } from './event-codec';
import { widgetMadeV1 } from './test-fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeEvent', () => {
  it('reads a CloudEvents envelope', () => {
    const event = createEvent(widgetMadeV1, { data: { n: 1 }, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(decodeEvent(bytes(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it('keeps the raw text of a body that is not JSON', () => {
    expect(decodeEvent(bytes('{nope'))).toEqual({ ok: false, error: expect.stringMatching(/^not JSON/), payload: '{nope' });
  });

  it('names what is wrong with an envelope', () => {
    const envelope = { specversion: '1.0', id: 'x', type: 'whatever' };
    expect(decodeEvent(bytes(JSON.stringify(envelope)))).toEqual({
      ok: false,
      error: expect.stringMatching(/^not a CloudEvent: .*id: .*type: /),
      payload: envelope,
    });
  });
});
