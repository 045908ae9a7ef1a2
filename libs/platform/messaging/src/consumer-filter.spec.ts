import { consumerFilter, supportsMultipleFilters } from './consumer-filter';

const registered = 'rekindle.profile.customer.registered.v1';
const updated = 'rekindle.profile.customer.updated.v1';

describe('consumerFilter', () => {
  it('filters on the one handled subject, prefixed', () => {
    expect(consumerFilter({ prefix: 't_a_1', producer: 'profile', eventTypes: [registered], serverVersion: '2.9.10' })).toEqual({
      filter_subject: 't_a_1.profile.customer.registered.v1',
      filter_subjects: undefined,
    });
  });

  it('filters on exactly the handled subjects where the server allows several filters', () => {
    expect(consumerFilter({ prefix: '', producer: 'profile', eventTypes: [updated, registered], serverVersion: '2.10.22' })).toEqual({
      filter_subject: undefined,
      filter_subjects: ['profile.customer.registered.v1', 'profile.customer.updated.v1'],
    });
  });

  it('falls back to the whole stream on servers before 2.10', () => {
    expect(consumerFilter({ prefix: '', producer: 'profile', eventTypes: [registered, updated], serverVersion: '2.9.10' })).toEqual({
      filter_subject: 'profile.>',
      filter_subjects: undefined,
    });
  });

  it('refuses handlers of another producer or none at all', () => {
    expect(() =>
      consumerFilter({ prefix: '', producer: 'profile', eventTypes: ['rekindle.loyalty.points.earned.v1'], serverVersion: '2.10.0' }),
    ).toThrow(/cannot handle loyalty.points.earned.v1/);
    expect(() => consumerFilter({ prefix: '', producer: 'profile', eventTypes: [], serverVersion: '2.10.0' })).toThrow(/at least one handler/);
  });

  it('reads server versions', () => {
    expect(['2.10.0', '2.11.3', '3.0.0', 'v2.12.1'].every(supportsMultipleFilters)).toBe(true);
    expect(['2.9.10', '1.4.0', '', undefined].some(supportsMultipleFilters)).toBe(false);
  });
});
