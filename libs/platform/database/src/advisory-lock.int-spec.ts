import { createTestDatabase, type TestDatabase } from '@rekindle/platform-testing';
import { inTransaction, lockForTransaction, lockKeySql, runExclusively, tryLockForTransaction } from './index';

describe('advisory locks (real PostgreSQL)', () => {
  let db: TestDatabase;
  let other: TestDatabase;

  beforeAll(async () => {
    [db, other] = await Promise.all([createTestDatabase('locks', []), createTestDatabase('locks_other', [])]);
  });
  afterAll(() => Promise.all([db.drop(), other.drop()]));

  /** Runs `work` while another transaction of the same schema holds `name` (shared when told). */
  async function whileHeld<T>(name: string, work: () => Promise<T>, shared = false): Promise<T> {
    return inTransaction(db.dataSource, async (manager) => {
      await lockForTransaction(manager, name, { shared });
      return work();
    });
  }

  it('keys a lock by schema and name: held here, free elsewhere and under other names', async () => {
    const [here, elsewhere, otherName] = await whileHeld('jobs', () =>
      Promise.all([
        inTransaction(db.dataSource, (m) => tryLockForTransaction(m, 'jobs')),
        inTransaction(other.dataSource, (m) => tryLockForTransaction(m, 'jobs')),
        inTransaction(db.dataSource, (m) => tryLockForTransaction(m, 'fold')),
      ]),
    );
    expect({ here, elsewhere, otherName }).toEqual({ here: false, elsewhere: true, otherName: true });
    expect(await inTransaction(db.dataSource, (m) => tryLockForTransaction(m, 'jobs'))).toBe(true);
  });

  it('lets shared holders in together and keeps an exclusive one out', async () => {
    const [alsoShared, exclusive] = await whileHeld(
      'ids',
      () =>
        Promise.all([
          inTransaction(db.dataSource, async (m) => {
            const [row] = await m.query(`SELECT pg_try_advisory_xact_lock_shared(${lockKeySql('$1')}) AS locked`, ['ids']);
            return row.locked as boolean;
          }),
          inTransaction(db.dataSource, (m) => tryLockForTransaction(m, 'ids')),
        ]),
      true,
    );
    expect({ alsoShared, exclusive }).toEqual({ alsoShared: true, exclusive: false });
  });

  it('runs exclusive work once at a time and frees the lock after it, even when it fails', async () => {
    const inner = await runExclusively(db.dataSource, 'nightly', () => runExclusively(db.dataSource, 'nightly', async () => 'nested'));
    expect(inner).toEqual({ ran: true, result: { ran: false } });
    await expect(runExclusively(db.dataSource, 'nightly', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await runExclusively(db.dataSource, 'nightly', async () => 'again')).toEqual({ ran: true, result: 'again' });
  });
});
