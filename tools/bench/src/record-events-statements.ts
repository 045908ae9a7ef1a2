/**
 * Where one recordEvents batch spends its time, statement by statement: the diagnosis behind the
 * ingestion figures (`ingest-through-gateway.ts` measures the whole path).
 *   npx tsx tools/bench/src/record-events-statements.ts
 *   STATEMENT_EVENTS=200000 EXPLAIN=1 npx tsx tools/bench/src/record-events-statements.ts
 *
 * Runs the real RecordEventsUseCase (wired as profile-service.ts wires it) in this process, one
 * batch at a time (no concurrency, no HTTP, no outbox relay), in a freshly migrated schema, over
 * STATEMENT_EVENTS events of the benchmark's mix (tools/bench/src/event-mix.ts) in BATCH_SIZE
 * batches. Every SQL statement is timed where TypeORM sends it (exclusive time on its connection,
 * so statements queued behind each other by Promise.all are not double counted). Prints, for the
 * batches after the first 20% (customers mostly exist by then), the mean milliseconds per batch of
 * each statement, of the JavaScript between them, of validation outside the transaction, and the
 * resulting single-stream ceiling in events/s. EXPLAIN=1 adds EXPLAIN (ANALYZE, BUFFERS) of every
 * statement of one more batch (each run in a savepoint that is rolled back, then run for real).
 */
import { createClock } from '@rekindle/platform-config';
import { openDatabase, runMigrations, type DataSource } from '@rekindle/platform-database';
import { DEFAULT_LIFECYCLE_THRESHOLDS } from '@rekindle/profile-core';
import { ActivityRepository } from '../../../apps/profile/src/data/activity.repository';
import { CustomerRepository } from '../../../apps/profile/src/data/customer.repository';
import { EventRepository } from '../../../apps/profile/src/data/event.repository';
import { LifecycleRepository } from '../../../apps/profile/src/data/lifecycle.repository';
import { profileMigrations } from '../../../apps/profile/src/data/migrations';
import { RecordEventsUseCase } from '../../../apps/profile/src/use-cases/record-events.use-case';
import { benchConfig } from './bench-config';
import { dropSchema, load } from './bench-harness';
import { eventMix } from './event-mix';
import { installProbe } from './typeorm-probe';

const config = benchConfig();
const events = Number(process.env['STATEMENT_EVENTS'] ?? 100_000);
const schema = `bench_stmt_${Date.now().toString(36)}`;

const probe = installProbe();

async function main() {
  console.log(`record-events-statements: ${events.toLocaleString('en-GB')} events in batches of ${config.BATCH_SIZE}, ${config.CUSTOMERS.toLocaleString('en-GB')} customers, schema ${schema}; ${load()}`);
  const dataSource: DataSource = await openDatabase({ url: config.DATABASE_URL, schema, migrations: profileMigrations, poolSize: 4 });
  try {
    await runMigrations(dataSource);
    let transactionMs = 0;
    const transaction = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
    (dataSource as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await transaction(...args);
      } finally {
        if (probe.recording) transactionMs += performance.now() - started;
      }
    };
    const useCase = new RecordEventsUseCase({
      dataSource,
      customers: new CustomerRepository(),
      events: new EventRepository(),
      activity: new ActivityRepository(),
      lifecycle: new LifecycleRepository(),
      clock: createClock(config.BENCH_NOW),
      thresholds: DEFAULT_LIFECYCLE_THRESHOLDS,
      onEventsCommitted: () => undefined,
    });

    const all = [...eventMix({ seed: 7, events: events + config.BATCH_SIZE, customers: config.CUSTOMERS, now: new Date(config.BENCH_NOW) })].map((e) => e.input);
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < all.length; i += config.BATCH_SIZE) batches.push(all.slice(i, i + config.BATCH_SIZE));
    const explainBatch = batches.pop() as Record<string, unknown>[];
    const warm = Math.floor(batches.length * 0.2);
    let measured = 0;
    let executeMs = 0;
    let measuredEvents = 0;
    for (const [index, batch] of batches.entries()) {
      probe.recording = index >= warm;
      const started = performance.now();
      const result = await useCase.execute(batch);
      if (probe.recording) {
        executeMs += performance.now() - started;
        measured += 1;
        measuredEvents += batch.length;
      }
      if (result.accepted !== batch.length) throw new Error(`batch ${index}: accepted ${result.accepted} of ${batch.length}`);
    }
    probe.recording = false;

    const sqlMs = [...probe.timings.values()].reduce((s, t) => s + t.ms, 0);
    const per = (ms: number) => (ms / measured).toFixed(1).padStart(7);
    console.log(`\nmean per batch of ${config.BATCH_SIZE} over ${measured} batches (after ${warm} warm-up batches; ${load()}):`);
    for (const [key, t] of [...probe.timings.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`  ${per(t.ms)} ms  ${((t.ms / executeMs) * 100).toFixed(1).padStart(5)}%  ${key}${t.calls / measured > 1.01 ? `  (${(t.calls / measured).toFixed(1)} per batch)` : ''}`);
    }
    console.log(`  ${per(transactionMs - sqlMs)} ms  ${(((transactionMs - sqlMs) / executeMs) * 100).toFixed(1).padStart(5)}%  JavaScript inside the transaction (summaries, stage changes, outbox events, JSON)`);
    console.log(`  ${per(executeMs - transactionMs)} ms  ${(((executeMs - transactionMs) / executeMs) * 100).toFixed(1).padStart(5)}%  JavaScript before the transaction (validateEventBatch)`);
    console.log(`  ${per(executeMs)} ms  100.0%  whole execute()`);
    console.log(`transaction (locks held) ${per(transactionMs)} ms per batch`);
    console.log(`single-stream ceiling of the use case: ${Math.round((measuredEvents / executeMs) * 1000).toLocaleString('en-GB')} events/s (no HTTP, no GraphQL, no relay)`);

    if (config.EXPLAIN) {
      probe.explaining = true;
      await useCase.execute(explainBatch);
      probe.explaining = false;
      console.log('\nEXPLAIN (ANALYZE, BUFFERS) of each statement of one more batch:');
      for (const plan of probe.explains) console.log(`${plan}\n`);
    }
  } finally {
    await dataSource.destroy();
    if (config.KEEP) console.log(`kept schema ${schema}`);
    else await dropSchema(config.DATABASE_URL, schema);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
