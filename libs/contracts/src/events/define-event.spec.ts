import { activityRecordedV1, createEvent, orderPlacedV1, parseEvent } from '../index';

describe('createEvent and parseEvent', () => {
  const data = {
    customerId: '0b9f3c1e-2d4a-4f6b-8c7d-9e0f1a2b3c4d',
    eventId: 'ev "1"',
    activityType: 'PAGE_VIEW',
    occurredAt: '2030-06-01T10:00:00.000Z',
    data: { path: '/a', depth: 2 },
  };

  it('round-trips an event through JSON, envelope and data', () => {
    const event = createEvent(activityRecordedV1, { data, subject: data.customerId, traceparent: '00-abc-def-01', time: new Date(data.occurredAt) });
    expect(event).toMatchObject({ specversion: '1.0', type: 'rekindle.profile.activity.recorded.v1', source: 'rekindle/profile', time: data.occurredAt });
    expect(parseEvent(activityRecordedV1, JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('refuses to build or read data off the contract, and an event of another type', () => {
    expect(() => createEvent(activityRecordedV1, { data: { ...data, customerId: 'nope' } })).toThrow();
    const event = createEvent(activityRecordedV1, { data });
    expect(() => parseEvent(activityRecordedV1, { ...event, data: { ...data, occurredAt: 'yesterday' } })).toThrow();
    expect(() => parseEvent(orderPlacedV1, event)).toThrow(/expected an event of type rekindle.profile.order.placed.v1/);
  });
});
