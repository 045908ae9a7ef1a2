import type { Logger } from '@rekindle/platform-logger';
import { MemoryStore } from './memory-store';
import { RedisStore } from './redis-store';
import { SingleFlight } from './single-flight';
import { throttledWarning } from './throttled-warning';

export interface CacheOptions {
  /** redis:// or rediss:// URL; without one the cache lives in memory only. */
  url?: string;
  /** Put before every key, e.g. `rekindle:profile:`, so services and test runs never collide. */
  keyPrefix: string;
  logger: Logger;
  commandTimeoutMs?: number;
  /** Bound on the in-memory fallback. */
  memoryMaxEntries?: number;
  /** At most one "Redis unavailable" warning per this interval. */
  warnIntervalMs?: number;
}

/** Values are stored as JSON: a cached Date comes back as its ISO string. */
export interface Cache {
  /** The cached value, or `compute()`'s, cached for `ttlSeconds` (0: not cached). Computes once per key at a time. */
  getOrCompute<T>(key: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T>;
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Removes every key starting with `prefix` (a family such as `segment:42:`) and says how many went. */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Rejects while Redis is configured but unreachable: a non-critical readiness check. */
  check(): Promise<void>;
  close(): Promise<void>;
}

const SKIP_AFTER_FAILURE_MS = 1_000;

type Lookup<T> = { hit: true; value: T } | { hit: false };

/**
 * A JSON cache on Redis that degrades to a bounded in-memory TTL cache whenever Redis is down or
 * slow: losing Redis costs recomputation, never an error (DESIGN.md §4). Writes made during an
 * outage stay in this process's memory; the Redis copy written before it lives out its TTL.
 */
export function createCache({
  url,
  keyPrefix,
  logger,
  commandTimeoutMs = 200,
  memoryMaxEntries = 10_000,
  warnIntervalMs = 30_000,
}: CacheOptions): Cache {
  const memory = new MemoryStore(memoryMaxEntries);
  const flights = new SingleFlight();
  const warning = throttledWarning(logger, 'Redis unavailable: caching in memory', warnIntervalMs);
  // After a failed command, skip Redis for a moment: a hung server would otherwise cost every call a timeout.
  let redisSkippedUntil = 0;
  const redis = url
    ? new RedisStore({
        url,
        commandTimeoutMs,
        onError: (error) => warning.warn(error),
        onReady: () => {
          redisSkippedUntil = 0;
          warning.reset();
          logger.info('Redis cache connected');
        },
      })
    : undefined;

  /** Runs `command` on Redis when it is there; undefined (after a throttled warning) when it is not. */
  async function onRedis<T>(command: (store: RedisStore) => Promise<T>): Promise<T | undefined> {
    if (!redis?.isReady || Date.now() < redisSkippedUntil) return undefined;
    try {
      return await command(redis);
    } catch (error) {
      redisSkippedUntil = Date.now() + SKIP_AFTER_FAILURE_MS;
      warning.warn(error);
      return undefined;
    }
  }

  async function lookup<T>(key: string): Promise<Lookup<T>> {
    const full = keyPrefix + key;
    // Memory answers only while Redis cannot: a Redis miss is a miss.
    const fromRedis = await onRedis((store) => store.get(full));
    const stored = fromRedis === undefined ? memory.get(full) : fromRedis;
    return typeof stored === 'string' ? { hit: true, value: JSON.parse(stored) as T } : { hit: false };
  }

  async function store(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined || ttlSeconds <= 0) return;
    const full = keyPrefix + key;
    const written = await onRedis(async (redisStore) => {
      await redisStore.set(full, json, ttlSeconds);
      return true;
    });
    if (!written) memory.set(full, json, ttlSeconds);
  }

  return {
    getOrCompute<T>(key: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T> {
      if (ttlSeconds <= 0) return compute();
      return flights.run(key, async () => {
        const cached = await lookup<T>(key);
        if (cached.hit) return cached.value;
        const value = await compute();
        await store(key, value, ttlSeconds);
        return value;
      });
    },
    async get<T>(key: string) {
      const cached = await lookup<T>(key);
      return cached.hit ? cached.value : undefined;
    },
    set: store,
    async delete(key) {
      memory.delete(keyPrefix + key);
      await onRedis((store) => store.delete(keyPrefix + key));
    },
    async deleteByPrefix(prefix) {
      const fromMemory = memory.deleteByPrefix(keyPrefix + prefix);
      return fromMemory + ((await onRedis((store) => store.deleteByPrefix(keyPrefix + prefix))) ?? 0);
    },
    async check() {
      if (!redis) return;
      if (!redis.isReady) throw new Error('Redis is not connected');
      await redis.ping();
    },
    async close() {
      await redis?.close();
    },
  };
}
