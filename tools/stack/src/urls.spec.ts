import { withDatabase } from './database-url';
import { describeError } from './describe-error';
import { displayUrl, hostOf } from './display-url';

describe('URL helpers', () => {
  it('points a PostgreSQL URL at another database, keeping the rest', () => {
    expect(withDatabase('postgres://postgres:pw@127.0.0.1:5433/postgres?sslmode=disable', 'rekindle')).toBe(
      'postgres://postgres:pw@127.0.0.1:5433/rekindle?sslmode=disable',
    );
    expect(withDatabase('postgres://postgres@127.0.0.1:5432', 'rekindle')).toBe('postgres://postgres@127.0.0.1:5432/rekindle');
  });

  it('hides passwords when printing, server lists included', () => {
    expect(displayUrl('postgres://postgres:secret@h:5432/db')).toBe('postgres://postgres:***@h:5432/db');
    expect(displayUrl('nats://a:1,nats://u:p@b:2')).toBe('nats://a:1,nats://u:***@b:2');
    expect(hostOf('redis://127.0.0.1:6379')).toBe('127.0.0.1:6379');
  });

  it('says "nothing answers" for a refused connection, however it is reported', () => {
    const refused = Object.assign(new Error(''), { code: 'ECONNREFUSED' });
    expect(describeError(new AggregateError([refused]))).toBe('nothing answers');
    expect(describeError(Object.assign(new Error('CONNECTION_REFUSED'), { code: 'CONNECTION_REFUSED' }))).toBe('nothing answers');
    expect(describeError(new Error('password authentication failed'))).toBe('password authentication failed');
  });
});
