/**
 * The outbox path alone, as it is and as it could be: the evidence behind the ingestion
 * recommendations (libs/platform/messaging is not changed by this).
 *   npx tsx tools/bench/src/outbox-variants.ts
 *   OUTBOX_EVENTS=100000 npx tsx tools/bench/src/outbox-variants.ts
 *
 * With OUTBOX_EVENTS activity.recorded events built by the real createEvent (payloads as the
 * ingestion writes them), in a throwaway schema and bus prefix, prints per 1,000 events:
 *   1. writing: appendToOutbox as it is (jsonb_to_recordset over one JSON text, WITH ORDINALITY),
 *      against one INSERT ... SELECT FROM unnest($ids::uuid[], $subjects, $types, $payloads::jsonb[]);
 *      each in its own transaction of 1,000 events;
 *   2. relaying, in PostgreSQL: the relay's claim of 500 rows (payload::text) plus marking them
 *      published with UPDATE (as it is), against the same claim plus DELETE;
 *   3. publishing to JetStream, 500 in flight per batch: the relay's former way (one js.publish per
 *      row with headers, awaited together), with the client's async stack traces on and off
 *      (`noAsyncTraces: true`), against the relay's way now, createBatchPublisher (core nc.publish
 *      with a reply subject on one shared inbox subscription that matches the PubAcks: no request
 *      object, timer or Error per message): events/s and CPU microseconds per event in this process.
 *   4. one outbox row per batch of 1,000 (its payload the array of the batch's events), written,
 *      then claimed and deleted one row at a time (the relay would publish its events one by one).
 * Everything is dropped at the end.
 */
import { activityRecordedV1, createEvent, type CloudEvent } from '@rekindle/contracts';
import { openDatabase, runMigrations, type DataSource } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';
import { appendToOutbox, connectBus, createBatchPublisher, subjectOfType } from '@rekindle/platform-messaging';
import { connect, headers } from 'nats';
import { randomUUID } from 'node:crypto';
import { profileMigrations } from '../../../apps/profile/src/data/migrations';
import { benchConfig } from './bench-config';
import { cpuSeconds, deleteStreams, dropSchema, load } from './bench-harness';

const config = benchConfig();
const total = Number(process.env['OUTBOX_EVENTS'] ?? 50_000);
const id = Date.now().toString(36);
const schema = `bench_outbox_${id}`;
/** The one PostgreSQL backend of the pool (poolSize 1): its CPU is read from /proc around each variant. */
let backendPid = 0;
const backendCpu = () => (backendPid ? cpuSeconds(backendPid) : 0);
const fmt = (n: number, d = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

function events(n: number): CloudEvent[] {
  const customers = Array.from({ length: 1000 }, () => randomUUID());
  return Array.from({ length: n }, (_, i) =>
    createEvent(activityRecordedV1, {
      subject: customers[i % 1000],
      time: new Date(Date.UTC(2025, 4, 1) + i * 1000),
      traceparent: `00-${randomUUID().replace(/-/g, '')}-${randomUUID().replace(/-/g, '').slice(0, 16)}-01`,
      data: {
        customerId: customers[i % 1000] as string,
        eventId: randomUUID(),
        activityType: 'PAGE_VIEW',
        occurredAt: new Date(Date.UTC(2025, 4, 1) + i * 1000).toISOString(),
        data: { path: `/c/home/${i % 500}`, depth: i % 6 },
      },
    }),
  );
}

async function timeBatches(label: string, all: CloudEvent[], per: number, work: (batch: CloudEvent[]) => Promise<void>) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pgCpu = backendCpu();
  for (let i = 0; i < all.length; i += per) await work(all.slice(i, i + per));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const pgUsed = backendCpu() - pgCpu;
  console.log(
    `  ${label.padEnd(70)} ${fmt((ms / all.length) * 1000).padStart(7)} ms per 1,000  ${fmt((all.length / ms) * 1000, 0).padStart(8)} events/s  ` +
      `(node CPU ${fmt((used.user + used.system) / all.length, 0)} µs/event, PostgreSQL CPU ${fmt((pgUsed * 1e6) / all.length, 0)} µs/event; ${load()})`,
  );
}

async function writing(dataSource: DataSource, all: CloudEvent[]) {
  console.log(`1. writing ${all.length.toLocaleString('en-GB')} events to the outbox, 1,000 per transaction`);
  await dataSource.query('TRUNCATE outbox');
  await timeBatches('appendToOutbox as it is (jsonb_to_recordset over one JSON text)', all, 1000, (batch) =>
    dataSource.transaction((m) => appendToOutbox(m, batch)),
  );
  await dataSource.query('TRUNCATE outbox');
  await timeBatches('INSERT ... SELECT FROM unnest(uuid[], text[], text[], jsonb[]) WITH ORDINALITY', all, 1000, (batch) =>
    dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO outbox (id, subject, type, payload)
         SELECT id, subject, type, payload FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS r(id, subject, type, payload, n)
         ORDER BY n`,
        [batch.map((e) => e.id), batch.map((e) => subjectOfType(e.type)), batch.map((e) => e.type), batch.map((e) => JSON.stringify(e))],
      );
    }),
  );
}

/** One outbox row per batch whose payload is the array of the batch's events: written, claimed and deleted. */
async function batchRows(dataSource: DataSource, all: CloudEvent[]) {
  console.log(`4. one outbox row per 1,000 events (payload = the JSON array of the batch's CloudEvents; the relay would fan it out)`);
  await dataSource.query('TRUNCATE outbox');
  await timeBatches('write: one INSERT of one row per transaction', all, 1000, (batch) =>
    dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO outbox (id, subject, type, payload) VALUES ($1, 'profile.batch.v1', 'rekindle.profile.batch.v1', $2::jsonb)`, [
        randomUUID(),
        JSON.stringify(batch),
      ]);
    }),
  );
  await timeBatches('relay: claim one row (payload::text) + DELETE, per transaction', all, 1000, () =>
    dataSource.transaction(async (m) => {
      const rows: { seq: string; payload: string }[] = await m.query(
        'SELECT seq, payload::text AS payload FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED',
      );
      if (rows.length > 0) {
        JSON.parse(rows[0]?.payload as string);
        await m.query('DELETE FROM outbox WHERE seq = ANY($1::bigint[])', [rows.map((r) => r.seq)]);
      }
    }),
  );
}

async function relayingInPostgres(dataSource: DataSource, n: number) {
  console.log(`2. the relay's statements over ${n.toLocaleString('en-GB')} pending rows, 500 per transaction (no publishing)`);
  const claim = `SELECT seq, id, subject, payload::text AS payload, payload->>'traceparent' AS traceparent
    FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT 500 FOR UPDATE SKIP LOCKED`;
  for (const [label, mark] of [
    ['claim + UPDATE outbox SET published_at = now() (as it is)', 'UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])'],
    ['claim + DELETE FROM outbox', 'DELETE FROM outbox WHERE seq = ANY($1::bigint[])'],
  ] as const) {
    await dataSource.query('UPDATE outbox SET published_at = NULL');
    await dataSource.query('VACUUM ANALYZE outbox').catch(() => undefined);
    const started = performance.now();
    const pgCpu = backendCpu();
    for (;;) {
      const done = await dataSource.transaction(async (m) => {
        const rows: { seq: string }[] = await m.query(claim);
        if (rows.length > 0) await m.query(mark, [rows.map((r) => r.seq)]);
        return rows.length;
      });
      if (done < 500) break;
    }
    const ms = performance.now() - started;
    const pgUsed = backendCpu() - pgCpu;
    console.log(
      `  ${label.padEnd(70)} ${fmt((ms / n) * 1000).padStart(7)} ms per 1,000  ${fmt((n / ms) * 1000, 0).padStart(8)} events/s  (PostgreSQL CPU ${fmt((pgUsed * 1e6) / n, 0)} µs/event; ${load()})`,
    );
    if (mark.startsWith('DELETE')) break;
  }
}

async function publishing(all: CloudEvent[]) {
  console.log(`3. publishing ${all.length.toLocaleString('en-GB')} events to JetStream, 500 in flight per batch`);
  const prefix = `bench_outbox_${id}`;
  for (const noAsyncTraces of [false, true]) {
    const nc = await connect({ servers: config.NATS_URL.split(','), noAsyncTraces });
    const js = nc.jetstream({ timeout: 5000 });
    const jsm = await nc.jetstreamManager();
    const stream = `${prefix}_${noAsyncTraces ? 'b' : 'a'}`.toUpperCase();
    await jsm.streams.add({ name: stream, subjects: [`${prefix}.${noAsyncTraces ? 'b' : 'a'}.>`], duplicate_window: 120_000_000_000 });
    const payloads = all.map((e) => ({ id: e.id, subject: `${prefix}.${noAsyncTraces ? 'b' : 'a'}.${subjectOfType(e.type)}`, payload: JSON.stringify(e), tp: e.traceparent }));
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < payloads.length; i += 500) {
      await Promise.allSettled(
        payloads.slice(i, i + 500).map((row) => {
          const h = headers();
          if (row.tp) h.set('traceparent', row.tp);
          h.set('Content-Type', 'application/cloudevents+json');
          return js.publish(row.subject, row.payload, { msgID: row.id, headers: h });
        }),
      );
    }
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    console.log(
      `  ${`js.publish per row (the relay before), noAsyncTraces: ${noAsyncTraces}`.padEnd(70)} ${fmt((ms / all.length) * 1000).padStart(7)} ms per 1,000  ` +
        `${fmt((all.length / ms) * 1000, 0).padStart(8)} events/s  (node CPU ${fmt((used.user + used.system) / all.length, 0)} µs/event; ${load()})`,
    );
    await nc.drain();
  }
  {
    const bus = await connectBus({ url: config.NATS_URL, prefix: `${prefix}_c`, name: 'bench-outbox-variants', logger: createLogger({ service: 'bench', level: 'warn' }) });
    await bus.ensureStream('profile');
    const publisher = createBatchPublisher(bus);
    const messages = all.map((e) => ({ subject: bus.subjectFor(subjectOfType(e.type)), payload: JSON.stringify(e), msgId: e.id, traceparent: e.traceparent }));
    const started = performance.now();
    const cpu = process.cpuUsage();
    let failed = 0;
    for (let i = 0; i < messages.length; i += 500) {
      failed += (await publisher.publish(messages.slice(i, i + 500))).filter((outcome) => !outcome.ok).length;
    }
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const info = await bus.jsm.streams.info(bus.streamName('profile'));
    console.log(
      `  ${'createBatchPublisher (nc.publish, PubAcks on one inbox subscription)'.padEnd(70)} ${fmt((ms / all.length) * 1000).padStart(7)} ms per 1,000  ` +
        `${fmt((all.length / ms) * 1000, 0).padStart(8)} events/s  (node CPU ${fmt((used.user + used.system) / all.length, 0)} µs/event; ` +
        `${info.state.messages.toLocaleString('en-GB')} stored, ${failed} failed; ${load()})`,
    );
    publisher.close();
    await bus.close();
  }
  await deleteStreams(config.NATS_URL, prefix);
}

async function main() {
  console.log(`outbox-variants: ${total.toLocaleString('en-GB')} events, schema ${schema}; ${load()}`);
  const all = events(total);
  console.log(`payload ${JSON.stringify(all[0]).length} bytes each`);
  const dataSource = await openDatabase({ url: config.DATABASE_URL, schema, migrations: profileMigrations, poolSize: 1 });
  try {
    await runMigrations(dataSource);
    const [row] = (await dataSource.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
    backendPid = row?.pid ?? 0;
    await writing(dataSource, all);
    await relayingInPostgres(dataSource, total);
    await publishing(all);
    await batchRows(dataSource, all);
  } finally {
    await dataSource.destroy();
    await dropSchema(config.DATABASE_URL, schema);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
