/**
 * Caching for what is expensive to compute and cheap to recompute (DESIGN.md §4).
 *
 * `createCache({ url, keyPrefix, logger })` gives a JSON cache on Redis (node-redis v5) with
 * `getOrCompute(key, ttlSeconds, compute)` (single-flight per key within the process), `get`,
 * `set`, `delete`, `deleteByPrefix` (SCAN + UNLINK, to invalidate a family of keys), `check` (PING,
 * for a NON-critical readiness check) and `close`. Redis being down or slow is never an error: its
 * commands fail fast (no offline queue, `commandTimeoutMs`), the cache falls back to a bounded
 * in-memory TTL store, warns at most every `warnIntervalMs`, and reconnects in the background.
 * Without a `url` it is memory-only.
 */
export { createCache, type Cache, type CacheOptions } from './cache';
