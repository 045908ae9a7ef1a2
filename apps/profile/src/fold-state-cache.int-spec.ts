import { lifecycleChangedV1 } from '@rekindle/contracts';
import { outboxEvents, postGraphQL } from '@rekindle/platform-testing';
import { customerEvent, daysBefore, login, RECORD_EVENTS } from './testing/event-builders';
import { startTestProfile, type TestProfile } from './testing/start-test-profile';

const NOW = '2030-06-15T12:00:00.000Z';
const RECOMPUTE = 'mutation { recomputeProfiles { lifecycleChanged } }';
const share = (customer: string, days: number) => customerEvent(customer, 'CONTENT_SHARED', daysBefore(NOW, days), { contentShared: { channel: 'x' } });

/**
 * The folder keeps what it wrote in memory (FoldStateCache); these check that it never folds onto a
 * copy someone else has since changed. The replicas here fold only when told to (no background
 * worker), so which one folds is up to the test.
 */
describe("the folder's in-memory state", () => {
  let a: TestProfile;
  let b: TestProfile;
  const noWorker = { PROFILE_EVENT_WORKER: 'false' };

  beforeAll(async () => {
    a = await startTestProfile('profile_fold_cache', { now: NOW, env: noWorker });
    b = await startTestProfile('profile_fold_cache_b', { now: NOW, schema: a.schema, busPrefix: a.busPrefix, env: noWorker });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  const record = async (on: TestProfile, events: unknown[]) => {
    const result = await postGraphQL(on.url, RECORD_EVENTS, { input: { events } });
    expect(result.errors).toBeUndefined();
    await on.service.drainIngestion();
  };
  const row = async (sql: string, externalId: string) =>
    (await a.service.dataSource.query(`${sql} JOIN customer c ON c.id = x.customer_id WHERE c.external_id = $1`, [externalId]))[0];

  it('folds onto what another replica folded meanwhile, not onto its own older copy', async () => {
    await record(a, [share('relay', 3)]);
    await record(b, [share('relay', 2)]);
    await record(a, [share('relay', 1)]);
    expect(await row('SELECT x.shares FROM customer_activity x', 'relay')).toEqual({ shares: 3 });
  });

  it('folds onto a stage the lifecycle job moved meanwhile', async () => {
    await record(a, [login('moved', daysBefore(NOW, 100))]);
    expect(await row('SELECT x.stage FROM customer_lifecycle x', 'moved')).toEqual({ stage: 'DORMANT' });

    // 100 days later the job moves the customer on; then a's next fold brings them back.
    const later = await startTestProfile('profile_fold_cache_later', { now: daysBefore(NOW, -100), schema: a.schema, busPrefix: a.busPrefix, env: noWorker });
    try {
      expect((await postGraphQL(later.url, RECOMPUTE)).errors).toBeUndefined();
    } finally {
      await later.stop();
    }
    expect(await row('SELECT x.stage FROM customer_lifecycle x', 'moved')).toEqual({ stage: 'DEEP_DORMANT' });

    await record(a, [login('moved', daysBefore(NOW, 1))]);
    expect(await row('SELECT x.stage, x.previous_stage FROM customer_lifecycle x', 'moved')).toEqual({
      stage: 'REACTIVATED',
      previous_stage: 'DEEP_DORMANT',
    });
    const [{ id }] = await a.service.dataSource.query(`SELECT id FROM customer WHERE external_id = 'moved'`);
    const changes = (await outboxEvents(a.service.dataSource, lifecycleChangedV1.type)).filter((e) => e.subject === id);
    expect(changes.map((e) => [(e.data as { from: string }).from, (e.data as { to: string }).to])).toEqual([
      [null, 'DORMANT'],
      ['DORMANT', 'DEEP_DORMANT'],
      ['DEEP_DORMANT', 'REACTIVATED'],
    ]);
  });

  it('is dropped when upsertCustomers changes a customer', async () => {
    const epoch = async () => (await a.service.dataSource.query(`SELECT epoch::int AS epoch FROM event_cursor WHERE reader = 'fold'`))[0].epoch;
    const before = await epoch();
    await a.service.useCases.upsertCustomers.execute([{ externalId: 'relay', signedUpAt: daysBefore(NOW, 400) }]);
    expect(await epoch()).toBe(before + 1);
  });
});
