import { openDatabase, type DataSource } from '@rekindle/platform-database';
import { createLogger } from '@rekindle/platform-logger';
import { createTestDatabase, type TestDatabase } from '@rekindle/platform-testing';
import type { Timers } from './schedule';
import { startSingletonJob } from './singleton-job';

/** Timers a test drives: `tick()` fires every interval set so far, as if it had elapsed. */
function manualTimers() {
  const ticks = new Map<number, () => void>();
  const timers: Timers = {
    setInterval: (tick) => {
      ticks.set(ticks.size + 1, tick);
      return ticks.size;
    },
    clearInterval: (handle) => void ticks.delete(handle as number),
  };
  return { timers, tick: () => ticks.forEach((tick) => tick()), scheduled: () => ticks.size };
}

describe('startSingletonJob (real PostgreSQL)', () => {
  const logger = createLogger({ service: 'test', level: 'silent' });
  let db: TestDatabase;
  let otherReplica: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('singleton_job', []);
    otherReplica = await openDatabase({ url: db.url, schema: db.schema, migrations: [], poolSize: 2 });
  });
  afterAll(async () => {
    await otherReplica.destroy();
    await db.drop();
  });

  /** A job that reports when it starts and finishes once the gate opens. */
  function gatedJobs() {
    let open!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const running = new Promise<void>((resolve) => (started = resolve));
    const runs: string[] = [];
    const job = (replica: string) => async () => {
      runs.push(replica);
      started();
      await gate;
      return replica;
    };
    return { job, runs, running, open };
  }

  it('runs a scheduled job on one replica of two: the other skips while it runs', async () => {
    const { job, runs, running, open } = gatedJobs();
    const a = manualTimers();
    const b = manualTimers();
    const replicaA = startSingletonJob({ name: 'nightly', dataSource: db.dataSource, logger, run: job('a'), intervalMinutes: 60, timers: a.timers });
    const replicaB = startSingletonJob({ name: 'nightly', dataSource: otherReplica, logger, run: job('b'), intervalMinutes: 60, timers: b.timers });

    a.tick();
    await running;
    b.tick();
    await replicaB.stop(); // waits for B's tick, which found the lock held
    expect(await replicaB.runNow()).toEqual({ ran: false });
    expect(await replicaA.runNow()).toEqual({ ran: false }); // A's own scheduled run holds it
    expect(runs).toEqual(['a']);

    open();
    await replicaA.stop();
    expect(a.scheduled()).toBe(0);
    // The lock is free again once A is done: a run asked for now runs.
    expect(await replicaB.runNow()).toEqual({ ran: true, result: 'b' });
    expect(runs).toEqual(['a', 'b']);
  });

  it('keeps the same job name in another schema apart', async () => {
    const elsewhere = await createTestDatabase('singleton_job_other', []);
    try {
      const { job, running, open } = gatedJobs();
      const holding = startSingletonJob({ name: 'nightly', dataSource: db.dataSource, logger, intervalMinutes: 0, run: job('here') });
      const held = holding.runNow();
      await running;
      const other = startSingletonJob({ name: 'nightly', dataSource: elsewhere.dataSource, logger, intervalMinutes: 0, run: async () => 'there' });
      await expect(other.runNow()).resolves.toEqual({ ran: true, result: 'there' });
      open();
      await expect(held).resolves.toEqual({ ran: true, result: 'here' });
    } finally {
      await elsewhere.drop();
    }
  });
});
