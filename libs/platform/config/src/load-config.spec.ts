import { z } from 'zod';
import { ConfigError, createClock, loadConfig, serviceEnvShape } from './index';

const schema = z.object(serviceEnvShape('profile', 4001));
const valid = { DATABASE_URL: 'postgres://localhost/rekindle', NATS_URL: 'nats://127.0.0.1:4222' };

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const config = loadConfig(schema, { ...valid, PORT: '5000' });
    expect(config).toMatchObject({ PORT: 5000, LOG_LEVEL: 'info', DB_SCHEMA: 'profile', BUS_PREFIX: '' });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('names every bad or missing variable', () => {
    let error: unknown;
    try {
      loadConfig(schema, { DATABASE_URL: 'mysql://x', PORT: 'ninety', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).issues.map((i) => i.variable).sort();
    expect(variables).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'NATS_URL', 'PORT']);
    expect((error as ConfigError).message).toContain('DATABASE_URL: must be a URL starting with postgres://');
  });

  it('rejects a REKINDLE_NOW that is not an ISO timestamp', () => {
    expect(() => loadConfig(schema, { ...valid, REKINDLE_NOW: 'yesterday' })).toThrow(/REKINDLE_NOW/);
  });
});

describe('createClock', () => {
  it('is fixed when REKINDLE_NOW is given', () => {
    const clock = createClock('2011-12-10T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2011-12-10T00:00:00.000Z');
    expect(clock.now()).not.toBe(clock.now());
  });

  it('follows the real clock otherwise', () => {
    const before = Date.now();
    const now = createClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
