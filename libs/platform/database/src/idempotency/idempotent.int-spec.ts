import { requestContextFrom, runWithRequestContext } from '@rekindle/platform-logger';
import { createTestDatabase, type TestDatabase } from '@rekindle/platform-testing';
import { ConflictError } from '@rekindle/util';
import { idempotencyMigrations, runIdempotent, type IdempotentRequest } from '../index';

describe('runIdempotent (real PostgreSQL)', () => {
  let db: TestDatabase;
  let runs: number;
  const spend = (request: Partial<IdempotentRequest<{ points: number; at?: string | null }>> = {}) =>
    runIdempotent(db.dataSource, { operation: 'spend', key: 'k-1', request: { points: 5 }, ...request }, async () => {
      runs += 1;
      return { entry: `entry-${runs}`, balance: 10 - runs };
    });
  const as = <T>(caller: string, work: () => Promise<T>) => runWithRequestContext({ ...requestContextFrom({}), caller }, work);

  beforeAll(async () => {
    db = await createTestDatabase('idempotency', idempotencyMigrations);
  });
  beforeEach(async () => {
    runs = 0;
    await db.dataSource.query('TRUNCATE idempotent_request');
  });
  afterAll(() => db.drop());

  it('stores the first outcome and replays it to a retry, running the work once', async () => {
    const first = await spend();
    expect(first).toEqual({ outcome: { entry: 'entry-1', balance: 9 }, replayed: false });
    expect(await spend()).toEqual({ outcome: { entry: 'entry-1', balance: 9 }, replayed: true });
    expect(runs).toBe(1);
    const [row] = await db.dataSource.query('SELECT caller, operation, idempotency_key, request FROM idempotent_request');
    expect(row).toEqual({ caller: 'anonymous', operation: 'spend', idempotency_key: 'k-1', request: { points: 5 } });
  });

  it('answers the key with another request as CONFLICT naming idempotencyKey', async () => {
    await spend();
    const reused = spend({ request: { points: 6 } });
    await expect(reused).rejects.toBeInstanceOf(ConflictError);
    await expect(reused).rejects.toMatchObject({ details: { field: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(runs).toBe(1);
  });

  it('compares with the operation\'s own rule where a retry may leave something out', async () => {
    const sameRequest = (first: { points: number; at?: string | null }, retry: { points: number; at?: string | null }) =>
      first.points === retry.points && (retry.at === null || retry.at === first.at);
    await spend({ request: { points: 5, at: '2030-01-01' }, sameRequest });
    expect((await spend({ request: { points: 5, at: null }, sameRequest })).replayed).toBe(true);
    await expect(spend({ request: { points: 5, at: '2030-01-02' }, sameRequest })).rejects.toBeInstanceOf(ConflictError);
  });

  it('keeps keys apart by caller and by operation', async () => {
    expect((await as('partner-a', () => spend())).replayed).toBe(false);
    expect((await as('partner-b', () => spend())).replayed).toBe(false);
    expect((await as('partner-b', () => spend({ operation: 'refund' }))).replayed).toBe(false);
    expect((await as('partner-a', () => spend())).replayed).toBe(true);
    expect(runs).toBe(3);
  });

  it('runs the work once when the same key arrives concurrently', async () => {
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => spend()));
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => JSON.stringify(o.outcome)))).toEqual(new Set([JSON.stringify({ entry: 'entry-1', balance: 9 })]));
  });

  it('forgets a key whose work failed, so it can be tried again', async () => {
    const failing = runIdempotent(db.dataSource, { operation: 'spend', key: 'k-1', request: { points: 5 } }, async () => {
      throw new Error('account away');
    });
    await expect(failing).rejects.toThrow('account away');
    expect(await spend()).toEqual({ outcome: { entry: 'entry-1', balance: 9 }, replayed: false });
  });
});
