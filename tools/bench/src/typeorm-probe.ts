/**
 * Times every SQL statement an in-process use case sends through TypeORM, and on demand prints
 * EXPLAIN (ANALYZE, BUFFERS) of each: the benchmarks' way to see inside the app's repositories
 * without changing them. Patches PostgresQueryRunner.prototype.query for this process only.
 */
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** Statement text -> a short label: the verb and the table. */
export function statementLabel(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim();
  if (/^(START TRANSACTION|BEGIN)/i.test(s)) return 'BEGIN';
  if (/^COMMIT/i.test(s)) return 'COMMIT';
  if (/^ROLLBACK/i.test(s)) return 'ROLLBACK';
  if (/^SET TRANSACTION/i.test(s)) return 'SET TRANSACTION';
  if (/pg_advisory_xact_lock/.test(s)) return 'SELECT pg_advisory_xact_lock (customers)';
  if (/pg_try_advisory_xact_lock/.test(s)) return 'SELECT pg_try_advisory_xact_lock (job)';
  const withInsert = /^WITH .*INSERT INTO (\w+)/i.exec(s);
  if (withInsert) return `WITH ... INSERT ${withInsert[1]} (upsert) ... SELECT`;
  const insert = /^INSERT INTO (\w+)/i.exec(s);
  if (insert) return `INSERT ${insert[1]}${/ON CONFLICT .* DO UPDATE/i.test(s) ? ' (upsert)' : ''}`;
  const update = /^UPDATE (\w+)/i.exec(s);
  if (update) return `UPDATE ${update[1]}`;
  const select = /FROM (\w+)/i.exec(s);
  return `SELECT ${select ? select[1] : s.slice(0, 40)}${/FOR UPDATE/i.test(s) ? ' FOR UPDATE' : ''}`;
}

export interface Timing {
  ms: number;
  calls: number;
}

export interface Probe {
  /** Statement label -> exclusive milliseconds and calls, while `recording`. */
  timings: Map<string, Timing>;
  recording: boolean;
  /** While true, every statement is first run under EXPLAIN (ANALYZE, BUFFERS) in a savepoint that is rolled back. */
  explaining: boolean;
  explains: string[];
  reset(): void;
}

type Runner = PostgresQueryRunner & { benchLastEnd?: number; benchChain?: Promise<unknown> };

/**
 * Installs the probe. Times are exclusive on each connection: a statement queued behind another
 * on the same connection (Promise.all) counts from when the one before it finished.
 */
export function installProbe(): Probe {
  const probe: Probe = {
    timings: new Map(),
    recording: false,
    explaining: false,
    explains: [],
    reset() {
      this.timings.clear();
      this.explains.length = 0;
    },
  };
  const originalQuery = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = async function patched(this: Runner, query: string, parameters?: unknown[], structured?: boolean) {
    if (probe.explaining && !/^\s*(START|BEGIN|COMMIT|ROLLBACK|SET|SAVEPOINT|RELEASE)/i.test(query)) {
      const previous = this.benchChain ?? Promise.resolve();
      const run = previous.then(async () => {
        await originalQuery.call(this, 'SAVEPOINT bench_explain');
        const plan = (await originalQuery.call(this, `EXPLAIN (ANALYZE, BUFFERS) ${query}`, parameters)) as { 'QUERY PLAN': string }[];
        await originalQuery.call(this, 'ROLLBACK TO SAVEPOINT bench_explain');
        probe.explains.push(`-- ${statementLabel(query)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
        return originalQuery.call(this, query, parameters, structured as false);
      });
      this.benchChain = run.catch(() => undefined);
      return run;
    }
    const start = performance.now();
    try {
      return await originalQuery.call(this, query, parameters, structured as false);
    } finally {
      const end = performance.now();
      const exclusive = end - Math.max(start, this.benchLastEnd ?? 0);
      this.benchLastEnd = end;
      if (probe.recording) {
        const key = statementLabel(query);
        const t = probe.timings.get(key) ?? { ms: 0, calls: 0 };
        t.ms += exclusive;
        t.calls += 1;
        probe.timings.set(key, t);
      }
    }
  } as typeof originalQuery;
  return probe;
}
