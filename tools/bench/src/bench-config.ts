import { z } from 'zod';
import { loadConfig } from '@rekindle/platform-config';

const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = z
  .enum(['0', '1', 'true', 'false'])
  .default('0')
  .transform((v) => v === '1' || v === 'true');

/**
 * Where benchmarks find PostgreSQL, NATS and Redis (the usual local ports unless told otherwise),
 * and the sizes each benchmark runs at. Every value is an environment variable, e.g.
 *   EVENTS=200000 CONCURRENCY=2 npx tsx tools/bench/src/ingest-through-gateway.ts
 */
const benchEnvSchema = z.object({
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** idle-memory: how long the apps idle before RSS is read. */
  IDLE_SECONDS: count(15),

  /** ingest-through-gateway: events sent in all. */
  EVENTS: count(1_000_000),
  /** ingest-through-gateway: events per recordEvents call. */
  BATCH_SIZE: count(1_000),
  /** ingest-through-gateway: recordEvents calls in flight at once. */
  CONCURRENCY: count(4),
  /** ingest-through-gateway: distinct customers the events are spread over. */
  CUSTOMERS: count(100_000),
  /**
   * ingest-through-gateway: the events are spread in time order over this many days before
   * BENCH_NOW (180: a replay of history, where stages move often; 1: close to a live feed).
   */
  SPAN_DAYS: z.coerce.number().positive().default(180),
  /** ingest-through-gateway: seconds from the first call left out of the sustained rate. */
  WARMUP_SECONDS: z.coerce.number().min(0).default(5),
  /** ingest-through-gateway: how long to wait after the last call for the profile to fold, publish and relay everything. */
  DRAIN_SECONDS: z.coerce.number().min(0).default(120),
  /**
   * ingest-through-gateway experiment: concurrent calls never share a customer (worker w sends
   * batches w, w + CONCURRENCY, ..., each drawn from its own customers), to measure what the
   * per-customer locks cost. Not a realistic feed.
   */
  DISJOINT: flag,
  /** ingest-through-gateway: fold and publish in a separate profile process (PROFILE_EVENT_WORKER), as deployed; 0 does it in the API process. */
  WORKER_PROCESS: z.stringbool().default(true),
  /** ingest-through-gateway: also measure the raw-insert ceiling. */
  CEILING: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /** ingest-through-gateway: extra node flags for profile / gateway, for experiments (e.g. a --require preload, --max-semi-space-size=64). */
  PROFILE_NODE_ARGS: z.string().default(''),
  GATEWAY_NODE_ARGS: z.string().default(''),
  /** ingest-through-gateway: run profile and gateway under `node --cpu-prof` (profiles written to tools/bench/out/). */
  CPU_PROF: flag,

  /** The fixed "now" of the runs (REKINDLE_NOW of the started profile, the population job's first run). */
  BENCH_NOW: z.iso.datetime({ offset: true }).default('2025-06-01T00:00:00Z'),

  /** population-jobs: customers and events the fresh schema is filled with. */
  POP_CUSTOMERS: count(100_000),
  POP_EVENTS: count(5_000_000),
  /** population-jobs: print EXPLAIN (ANALYZE, BUFFERS) of the job's statements. */
  EXPLAIN: flag,

  /** Keep the throwaway schema (and streams) for inspection instead of dropping them. */
  KEEP: flag,
});

export type BenchConfig = z.infer<typeof benchEnvSchema>;

export const benchConfig = (): BenchConfig => loadConfig(benchEnvSchema);
