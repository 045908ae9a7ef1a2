import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Writable } from 'node:stream';
import { createClient } from 'redis';
import { createLogger } from '@rekindle/platform-logger';
import { testEnv, waitFor } from '@rekindle/platform-testing';
import { createCache, type Cache } from './index';
import { startPrivateRedis } from './testing/private-redis-server';

const silent = createLogger({ service: 'cache-test', level: 'silent' });

function captureWarnings() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'cache-test', level: 'warn', destination }) };
}

function counting<T>(value: T, delayMs = 0) {
  const compute = jest.fn(async () => {
    if (delayMs) await sleep(delayMs);
    return value;
  });
  return compute;
}

const isUp = (cache: Cache) => cache.check().then(() => true, () => false);

/** A Redis that cannot be reached: a server that hangs up on every connection, counting the attempts. */
async function hangingUpServer() {
  let attempts = 0;
  const server = createServer((socket) => {
    attempts += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('createCache on the real Redis', () => {
  const { REDIS_URL } = testEnv();
  const keyPrefix = `t_cache_${randomBytes(4).toString('hex')}:`;
  const raw = createClient({ url: REDIS_URL });
  let cache: Cache;

  beforeAll(async () => {
    await raw.connect();
    cache = createCache({ url: REDIS_URL, keyPrefix, logger: silent });
    await waitFor(() => isUp(cache), { timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await cache.close();
    for await (const keys of raw.scanIterator({ MATCH: `${keyPrefix}*` })) if (keys.length) await raw.unlink(keys);
    await raw.close();
  });

  it('computes on a miss, stores JSON in Redis under its prefix, and answers the next call from it', async () => {
    const compute = counting({ total: 42, regions: ['North', 'South'] });
    expect(await cache.getOrCompute('count:all', 60, compute)).toEqual({ total: 42, regions: ['North', 'South'] });
    expect(await cache.getOrCompute('count:all', 60, compute)).toEqual({ total: 42, regions: ['North', 'South'] });
    expect(compute).toHaveBeenCalledTimes(1);
    expect(JSON.parse((await raw.get(`${keyPrefix}count:all`)) ?? 'null')).toEqual({ total: 42, regions: ['North', 'South'] });
    expect(await raw.pTTL(`${keyPrefix}count:all`)).toBeGreaterThan(59_000);
  });

  it('computes again once the TTL has run out', async () => {
    const compute = counting(7);
    await cache.getOrCompute('short', 0.3, compute);
    await cache.getOrCompute('short', 0.3, compute);
    await sleep(400);
    await cache.getOrCompute('short', 0.3, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('does not cache with a TTL of 0, nor a failed computation', async () => {
    const compute = counting(1);
    await cache.getOrCompute('uncached', 0, compute);
    await cache.getOrCompute('uncached', 0, compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(await raw.exists(`${keyPrefix}uncached`)).toBe(0);

    await expect(cache.getOrCompute('failing', 60, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.getOrCompute('failing', 60, async () => 'recovered')).toBe('recovered');
  });

  it('computes once for concurrent callers of the same key', async () => {
    const compute = counting('shared', 50);
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.getOrCompute('busy', 60, compute)));
    expect(new Set(results)).toEqual(new Set(['shared']));
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('gets, sets and deletes single keys', async () => {
    expect(await cache.get('single')).toBeUndefined();
    await cache.set('single', { at: new Date('2011-12-09T12:50:00Z') }, 60);
    expect(await cache.get('single')).toEqual({ at: '2011-12-09T12:50:00.000Z' });
    await cache.delete('single');
    expect(await cache.get('single')).toBeUndefined();
  });

  it('deletes a family of keys by prefix, and nothing else', async () => {
    for (const key of ['segment:1:count', 'segment:1:members:p1', 'segment:10:count', 'segment:1*x']) await cache.set(key, 1, 60);
    expect(await cache.deleteByPrefix('segment:1:')).toBe(2);
    expect(await cache.get('segment:10:count')).toBe(1);
    expect(await cache.get('segment:1*x')).toBe(1);
    expect(await cache.deleteByPrefix('segment:1*')).toBe(1);
    expect(await cache.get('segment:10:count')).toBe(1);
  });

  it('passes its readiness check', async () => {
    await expect(cache.check()).resolves.toBeUndefined();
  });
});

describe('createCache without Redis', () => {
  it('is memory-only without a URL, and always ready', async () => {
    const cache = createCache({ keyPrefix: 'mem:', logger: silent });
    const compute = counting(['a']);
    await cache.getOrCompute('k', 60, compute);
    expect(await cache.getOrCompute('k', 60, compute)).toEqual(['a']);
    expect(compute).toHaveBeenCalledTimes(1);
    await expect(cache.check()).resolves.toBeUndefined();
    await cache.close();
  });

  it('answers from memory when Redis cannot be reached, fails its check, and warns once', async () => {
    const { lines, logger } = captureWarnings();
    const unreachable = await hangingUpServer();
    const cache = createCache({ url: unreachable.url, keyPrefix: 'down:', logger });
    try {
      const compute = counting(5);
      const started = Date.now();
      for (let i = 0; i < 50; i++) expect(await cache.getOrCompute('k', 60, compute)).toBe(5);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(compute).toHaveBeenCalledTimes(1);
      await cache.set('other', 'x', 60);
      await cache.delete('other');
      expect(await cache.get('other')).toBeUndefined();
      await expect(cache.check()).rejects.toThrow();
      // Every failed attempt to connect reports an error: three attempts are at least two errors.
      await waitFor(() => unreachable.attempts() >= 3);
      expect(lines.filter((line) => line['msg'] === 'Redis unavailable: caching in memory')).toHaveLength(1);
    } finally {
      await cache.close();
      await unreachable.close();
    }
  });
});

describe('createCache when Redis goes away mid-run', () => {
  it('keeps answering through a crash and a freeze, and goes back to Redis when it returns', async () => {
    const redis = await startPrivateRedis();
    const raw = createClient({ url: redis.url });
    const cache = createCache({ url: redis.url, keyPrefix: 'outage:', logger: silent, commandTimeoutMs: 200 });
    try {
      await waitFor(() => isUp(cache), { timeoutMs: 5_000 });
      await cache.getOrCompute('before', 60, async () => 'from redis');

      await redis.kill();
      const duringCrash = counting('from memory');
      expect(await cache.getOrCompute('during', 60, duringCrash)).toBe('from memory');
      expect(await cache.getOrCompute('during', 60, duringCrash)).toBe('from memory');
      expect(duringCrash).toHaveBeenCalledTimes(1);
      await expect(cache.check()).rejects.toThrow();

      await redis.restart();
      await waitFor(() => isUp(cache), { timeoutMs: 10_000 });
      await cache.getOrCompute('after', 60, async () => 'back in redis');
      await raw.connect();
      expect(await raw.get('outage:after')).toBe('"back in redis"');

      redis.freeze();
      const started = Date.now();
      expect(await cache.getOrCompute('frozen', 60, async () => 'despite a hung redis')).toBe('despite a hung redis');
      expect(await cache.getOrCompute('frozen', 60, async () => 'computed twice')).toBe('despite a hung redis');
      expect(Date.now() - started).toBeLessThan(1_000);
      await expect(cache.check()).rejects.toThrow();
      redis.thaw();
    } finally {
      await cache.close();
      if (raw.isOpen) await raw.close();
      await redis.kill();
    }
  });
});
