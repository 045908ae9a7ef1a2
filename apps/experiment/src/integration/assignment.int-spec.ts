import { randomUUID } from 'node:crypto';
import { exposureRecordedV1 } from '@rekindle/contracts';
import { createAssigner } from '@rekindle/experiment-core';
import {
  ASSIGN,
  ASSIGN_MANY,
  CREATE_EXPERIMENT,
  experimentDefinition,
  outboxEvents,
  postGraphQL,
  readStream,
  START_EXPERIMENT,
  startTestService,
  STOP_EXPERIMENT,
  type AssignData,
  type AssignManyData,
  type TestService,
} from '@rekindle/platform-testing';
import type { ExperimentService } from '../experiment-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';
const ids = (n: number) => Array.from({ length: n }, () => randomUUID());

describe('assignment (experiment subgraph, real PostgreSQL/NATS)', () => {
  let experiment: TestService<ExperimentService>;
  const gql = <T>(query: string, variables: Record<string, unknown>) => postGraphQL<T>(experiment.url, query, variables);
  const setUp = async (key: string, overrides: Record<string, unknown> = {}, run = true) => {
    const created = await gql<{ createExperiment: { experiment: { id: string } } }>(CREATE_EXPERIMENT, { input: experimentDefinition(key, overrides) });
    expect(created.errors).toBeUndefined();
    if (run) expect((await gql(START_EXPERIMENT, { key })).errors).toBeUndefined();
    return created.data!.createExperiment.experiment.id;
  };
  const assign = (key: string, customerId: string) => gql<AssignData>(ASSIGN, { key, customerId });
  const assignMany = (key: string, customerIds: string[]) => gql<AssignManyData>(ASSIGN_MANY, { input: { experimentKey: key, customerIds } });
  const count = async (sql: string, params: unknown[] = []) =>
    ((await experiment.service.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params)) as { n: number }[])[0]?.n;

  beforeAll(async () => {
    experiment = await startTestService(serviceDefinition, { label: 'exp_assign', now: NOW });
  });
  afterAll(() => experiment.stop());

  it('gives the GrowthBook variant, records the exposure once and publishes it once (idempotent)', async () => {
    const experimentId = await setUp('single');
    const customer = randomUUID();
    const expected = createAssigner({ key: 'single', variants: [{ key: 'email', weight: 0.5 }, { key: 'sms', weight: 0.5 }] })(customer);

    const first = await assign('single', customer);
    expect(first.errors).toBeUndefined();
    expect(first.data?.assign).toEqual({ customerId: customer, status: 'ASSIGNED', exposedAt: NOW, variant: { key: expected, isControl: expected === 'email' } });
    const again = await assign('single', customer.toUpperCase());
    expect(again.data?.assign).toMatchObject({ customerId: customer, status: 'ALREADY_ASSIGNED', variant: { key: expected } });

    expect(await count('exposure WHERE experiment_id = $1', [experimentId])).toBe(1);
    const events = await readStream(experiment.service.bus, 'experiment', { expected: 2, timeoutMs: 5_000 });
    const exposures = events.filter((e) => e.type === exposureRecordedV1.type);
    expect(exposures).toHaveLength(1);
    expect(exposures[0]).toMatchObject({
      subject: customer,
      source: 'rekindle/experiment',
      data: { experimentId, experimentKey: 'single', customerId: customer, variant: expected, isControl: expected === 'email', exposedAt: NOW },
    });
  });

  it('answers BAD_USER_INPUT for a customer id that is not a UUID and NOT_FOUND for an unknown experiment', async () => {
    expect((await assign('single', 'customer-7')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
    expect((await assign('no-such-experiment', randomUUID())).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('assigns nobody outside the coverage, nor while DRAFT; a STOPPED experiment keeps its exposures and records no new ones', async () => {
    const covered = await setUp('half-covered', { coverage: 0.5 });
    const assigner = createAssigner({ key: 'half-covered', coverage: 0.5, variants: [{ key: 'email', weight: 0.5 }, { key: 'sms', weight: 0.5 }] });
    const outside = ids(200).find((id) => assigner(id) === null)!;
    expect((await assign('half-covered', outside)).data?.assign).toMatchObject({ status: 'OUTSIDE_COVERAGE', variant: null, exposedAt: null });
    expect(await count('exposure WHERE experiment_id = $1', [covered])).toBe(0);

    const draft = await setUp('still-draft', {}, false);
    expect((await assign('still-draft', randomUUID())).data?.assign).toMatchObject({ status: 'NOT_RUNNING', variant: null });
    expect(await count('exposure WHERE experiment_id = $1', [draft])).toBe(0);

    const stopped = await setUp('to-stop');
    const exposed = randomUUID();
    const variant = (await assign('to-stop', exposed)).data?.assign.variant?.key;
    await gql(STOP_EXPERIMENT, { key: 'to-stop' });
    expect((await assign('to-stop', exposed)).data?.assign).toMatchObject({ status: 'ALREADY_ASSIGNED', variant: { key: variant } });
    expect((await assign('to-stop', randomUUID())).data?.assign).toMatchObject({ status: 'NOT_RUNNING', variant: null });
    expect(await count('exposure WHERE experiment_id = $1', [stopped])).toBe(1);
  });

  it('is sticky: after the weights change, exposed customers keep their variant while new ones follow the new split', async () => {
    const experimentId = await setUp('sticky');
    const first = ids(400);
    const before = await assignMany('sticky', first);
    expect(before.data?.assignMany.assigned).toBe(400);
    const variantBefore = new Map(before.data!.assignMany.results.map((r) => [r.customerId, r.variant]));

    // Weights are frozen once running (updateExperiment refuses them); an operator rewriting the stored
    // definition is the only way they change now, and even then the stored exposures must win.
    await experiment.service.dataSource.query(
      `UPDATE experiment SET version = version + 1,
         definition = jsonb_set(definition, '{variants}', '[{"key":"email","name":"Email","weight":0.9},{"key":"sms","name":"SMS","weight":0.1}]')
       WHERE id = $1`,
      [experimentId],
    );
    const newWeights = createAssigner({ key: 'sticky', variants: [{ key: 'email', weight: 0.9 }, { key: 'sms', weight: 0.1 }] });
    const moved = first.filter((id) => newWeights(id) !== variantBefore.get(id));
    expect(moved.length).toBeGreaterThan(50);

    const again = await assignMany('sticky', [...first, ...ids(100)]);
    expect(again.data?.assignMany).toMatchObject({ assigned: 100, alreadyAssigned: 400 });
    for (const r of again.data!.assignMany.results) {
      expect(r.variant).toBe(r.status === 'ALREADY_ASSIGNED' ? variantBefore.get(r.customerId) : newWeights(r.customerId));
    }
    for (const id of moved.slice(0, 5)) expect((await assign('sticky', id)).data?.assign.variant?.key).toBe(variantBefore.get(id));
    const stored: { variant: string; n: number }[] = await experiment.service.dataSource.query(
      'SELECT variant, count(*)::int AS n FROM exposure WHERE experiment_id = $1 AND customer_id = ANY($2::uuid[]) GROUP BY variant ORDER BY variant',
      [experimentId, first],
    );
    const expectedCounts = ['email', 'sms'].map((v) => ({ variant: v, n: first.filter((id) => variantBefore.get(id) === v).length }));
    expect(stored).toEqual(expectedCounts);
  });

  it('assigns a batch set-based: each bad or repeated id rejected alone, a retry changes nothing, one event per new exposure', async () => {
    const experimentId = await setUp('batch', {
      variants: [
        { key: 'control', weight: 0.34 },
        { key: 'coupon', weight: 0.33 },
        { key: 'points', weight: 0.33 },
      ],
    });
    const exposures = async () => (await outboxEvents(experiment.service.dataSource, exposureRecordedV1.type)).length;
    const outboxBefore = await exposures();
    const customers = ids(2000);
    const input = [...customers.slice(0, 1000), 'not-a-uuid', customers[3]!, ...customers.slice(1000)];
    const result = await assignMany('batch', input);
    expect(result.errors).toBeUndefined();
    const payload = result.data!.assignMany;
    expect(payload.rejected).toEqual([
      { index: 1000, code: 'BAD_USER_INPUT', field: 'customerIds[1000]', message: 'is not a customer id (a UUID)' },
      { index: 1001, code: 'DUPLICATE_IN_BATCH', field: 'customerIds[1001]', message: 'repeats an earlier id of this batch' },
    ]);
    expect(payload).toMatchObject({ assigned: 2000, alreadyAssigned: 0, outsideCoverage: 0, notRunning: 0 });
    const assigner = createAssigner({
      key: 'batch',
      variants: [
        { key: 'control', weight: 0.34 },
        { key: 'coupon', weight: 0.33 },
        { key: 'points', weight: 0.33 },
      ],
    });
    expect(payload.results.map((r) => input[r.index])).toEqual(customers);
    expect(payload.results.every((r) => r.variant === assigner(r.customerId))).toBe(true);
    expect(await count('exposure WHERE experiment_id = $1', [experimentId])).toBe(2000);
    expect((await exposures()) - outboxBefore).toBe(2000);

    const retry = await assignMany('batch', customers);
    expect(retry.data?.assignMany).toMatchObject({ assigned: 0, alreadyAssigned: 2000 });
    expect((await exposures()) - outboxBefore).toBe(2000);
    const tooMany = await assignMany('batch', ids(10_001));
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerIds' });
  });

  it('lists a customer\'s assignments on the Customer entity, for several customers at once', async () => {
    const customer = randomUUID();
    await setUp('entity-a');
    await setUp('entity-b');
    const a = (await assign('entity-a', customer)).data?.assign.variant?.key;
    const b = (await assign('entity-b', customer)).data?.assign.variant?.key;
    const result = await gql<{ _entities: { id: string; experiments: { exposedAt: string; variant: { key: string }; experiment: { key: string; status: string } }[] }[] }>(
      `query($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Customer { id experiments { exposedAt variant { key } experiment { key status } } } }
      }`,
      { representations: [{ __typename: 'Customer', id: customer }, { __typename: 'Customer', id: randomUUID() }] },
    );
    expect(result.errors).toBeUndefined();
    const [first, second] = result.data!._entities;
    expect(first?.experiments.map((e) => [e.experiment.key, e.variant.key]).sort()).toEqual([
      ['entity-a', a],
      ['entity-b', b],
    ]);
    expect(second?.experiments).toEqual([]);
  });
});
