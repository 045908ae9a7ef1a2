import type { DataSource, EntityManager } from 'typeorm';

/**
 * Advisory locks, one scheme for every service: a lock is a name, and its key is
 * hashtextextended('<schema>:<name>', 0), so the same name in another schema of the database
 * (another service, a test run, a preview) is another lock, and names never collide by accident.
 * A `database`-wide lock serialises what all schemas share (the catalog, e.g. CREATE EXTENSION).
 */
export type LockScope = 'schema' | 'database';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * The SQL expression of the key of the lock named by the SQL expression `nameSql`, for a statement
 * that takes many locks at once: `SELECT pg_advisory_xact_lock(${lockKeySql('x')}) FROM unnest($1::text[]) x`.
 */
export function lockKeySql(nameSql: string, scope: LockScope = 'schema'): string {
  const qualified = scope === 'schema' ? `current_schema() || ':' || ${nameSql}` : `'*:' || ${nameSql}`;
  return `hashtextextended(${qualified}, 0)`;
}

/** Takes the lock until the transaction ends, waiting for its holder; `shared` locks exclude only exclusive ones. */
export async function lockForTransaction(manager: Queryable, name: string, options: { shared?: boolean; scope?: LockScope } = {}): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock${options.shared ? '_shared' : ''}(${lockKeySql('$1', options.scope)})`, [name]);
}

/** lockForTransaction without waiting: false when another transaction holds the lock. */
export async function tryLockForTransaction(manager: Queryable, name: string): Promise<boolean> {
  const [row]: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock(${lockKeySql('$1')}) AS locked`, [name]);
  return row?.locked === true;
}

/** What runExclusively did: `ran: false` when someone else held the lock and `work` did not run. */
export type ExclusiveRun<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `work` unless another session (another replica, or another call in this one) holds the lock,
 * which is held on a connection of its own for as long as `work` runs; `work` opens its own
 * transactions. The lock dies with the connection, so a crashed run never blocks the next.
 */
export async function runExclusively<T>(dataSource: DataSource, name: string, work: () => Promise<T>): Promise<ExclusiveRun<T>> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row]: { locked: boolean }[] = await runner.query(`SELECT pg_try_advisory_lock(${lockKeySql('$1')}) AS locked`, [name]);
    if (row?.locked !== true) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(${lockKeySql('$1')})`, [name]);
    }
  } finally {
    await runner.release();
  }
}
