import { activityRecordedV1, createValidatedEvent, jsonWithLastValue, parseEvent, serializeValidatedEvent } from '../index';

describe('serializeValidatedEvent', () => {
  const meta = { id: '5d2c8f0e-9a43-5b1e-8c2a-3f1d2e4b5a6c', subject: '0b9f3c1e-2d4a-4f6b-8c7d-9e0f1a2b3c4d', time: new Date('2030-06-01T10:00:00Z') };
  const data = {
    customerId: meta.subject,
    eventId: 'ev "1"',
    activityType: 'PAGE_VIEW',
    occurredAt: '2030-06-01T10:00:00.000Z',
    data: { path: '/a', depth: 2 },
  };

  it('gives the JSON of createValidatedEvent, with the data inserted as the JSON text it was given', () => {
    const text = serializeValidatedEvent(activityRecordedV1, { ...meta, traceparent: '00-abc-def-01' }, JSON.stringify(data));
    expect(JSON.parse(text)).toEqual(createValidatedEvent(activityRecordedV1, { ...meta, traceparent: '00-abc-def-01', data }));
    expect(() => parseEvent(activityRecordedV1, JSON.parse(text))).not.toThrow();
  });

  it('is exactly JSON.stringify of createValidatedEvent, with and without subject and traceparent', () => {
    const variants = [
      { ...meta, traceparent: '00-"quoted"\\-01' },
      { id: meta.id, time: meta.time },
      { ...meta, subject: 'line\nbreak "and" quotes' },
    ];
    for (const variant of variants) {
      expect(serializeValidatedEvent(activityRecordedV1, variant, JSON.stringify(data))).toBe(
        JSON.stringify(createValidatedEvent(activityRecordedV1, { ...variant, data })),
      );
    }
  });

  it('nests: the data itself can carry raw JSON last', () => {
    const { data: inner, ...rest } = data;
    const dataJson = jsonWithLastValue({ ...rest, data: null }, '{"depth": 2, "path": "/a"}');
    expect(JSON.parse(serializeValidatedEvent(activityRecordedV1, meta, dataJson)).data).toEqual({ ...rest, data: inner });
  });

  it('refuses a value whose last key is not null', () => {
    expect(() => jsonWithLastValue({ a: 1 }, '2')).toThrow('last key');
  });
});
