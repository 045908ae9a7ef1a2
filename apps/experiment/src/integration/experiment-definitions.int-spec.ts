import {
  CREATE_EXPERIMENT,
  experimentDefinition,
  postGraphQL,
  START_EXPERIMENT,
  startTestService,
  STOP_EXPERIMENT,
  UPDATE_EXPERIMENT,
  type TestService,
} from '@rekindle/platform-testing';
import type { ExperimentService } from '../experiment-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';

interface ExperimentData {
  id: string;
  key: string;
  status: string;
  seed: string;
  coverage: number;
  variants: { key: string; name: string; weight: number; isControl: boolean }[];
  conversionWindow: { value: number; unit: string; hours: number };
  minimumDetectableEffect: number;
  startedAt: string | null;
  stoppedAt: string | null;
}

describe('experiment definitions (experiment subgraph, real PostgreSQL/NATS)', () => {
  let experiment: TestService<ExperimentService>;
  const create = (input: unknown) =>
    postGraphQL<{ createExperiment: { created: boolean; experiment: ExperimentData } }>(experiment.url, CREATE_EXPERIMENT, { input });
  const update = (key: string, set: unknown) =>
    postGraphQL<{ updateExperiment: { experiment: ExperimentData } }>(experiment.url, UPDATE_EXPERIMENT, { input: { key, set } });
  const start = (key: string) => postGraphQL<{ startExperiment: { changed: boolean; experiment: ExperimentData } }>(experiment.url, START_EXPERIMENT, { key });
  const stop = (key: string) => postGraphQL<{ stopExperiment: { changed: boolean; experiment: ExperimentData } }>(experiment.url, STOP_EXPERIMENT, { key });
  const outboxTypes = async () =>
    ((await experiment.service.dataSource.query('SELECT type FROM outbox ORDER BY seq')) as { type: string }[]).map((r) => r.type);

  beforeAll(async () => {
    experiment = await startTestService(serviceDefinition, { label: 'exp_definitions', now: NOW });
  });
  afterAll(() => experiment.stop());

  it('creates a DRAFT experiment with the defaults applied', async () => {
    const result = await create(experimentDefinition('defaults'));
    expect(result.errors).toBeUndefined();
    expect(result.data?.createExperiment).toMatchObject({
      created: true,
      experiment: {
        key: 'defaults',
        status: 'DRAFT',
        seed: 'defaults',
        coverage: 1,
        minimumDetectableEffect: 0.05,
        variants: [
          { key: 'email', name: 'Email', weight: 0.5, isControl: true },
          { key: 'sms', name: 'SMS', weight: 0.5, isControl: false },
        ],
        conversionWindow: { value: 7, unit: 'DAYS', hours: 168 },
        startedAt: null,
      },
    });
  });

  it.each([
    ['weights not summing to 1', { variants: [{ key: 'a', weight: 0.5 }, { key: 'b', weight: 0.4 }] }, 'variants'],
    ['duplicate variant keys', { variants: [{ key: 'a', weight: 0.5 }, { key: 'a', weight: 0.5 }] }, 'variants[1].key'],
    ['coverage above 1', { coverage: 1.5 }, 'coverage'],
    ['a single variant', { variants: [{ key: 'a', weight: 1 }] }, 'variants'],
    ['a bad key', { key: 'Not A Slug' }, 'key'],
    ['a metric event not in SCREAMING_CASE', { primaryMetric: { key: 'm', kind: 'COUNT', event: 'order placed' } }, 'primaryMetric.event'],
    ['a guardrail repeating the primary metric key', { guardrailMetrics: [{ key: 'ordered', kind: 'COUNT', event: 'LOGIN' }] }, 'guardrailMetrics[0].key'],
    ['a zero conversion window', { conversionWindow: { value: 0, unit: 'HOURS' } }, 'conversionWindow.value'],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_case, overrides, field) => {
    const result = await create(experimentDefinition('bad-one', overrides));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await experiment.service.dataSource.query(`SELECT 1 FROM experiment WHERE key = 'bad-one'`)).toEqual([]);
  });

  it('is idempotent by key: the same definition returns the same experiment, another one is a CONFLICT', async () => {
    const first = await create(experimentDefinition('idem', { seed: null, coverage: null }));
    // The same definition, spelled differently (defaults written out, variant fields in another order).
    const again = await create(
      experimentDefinition('idem', {
        coverage: 1,
        minimumDetectableEffect: 0.05,
        variants: [
          { weight: 0.5, name: 'Email', key: 'email' },
          { weight: 0.5, name: 'SMS', key: 'sms' },
        ],
      }),
    );
    expect(again.errors).toBeUndefined();
    expect(again.data?.createExperiment).toMatchObject({ created: false, experiment: { id: first.data?.createExperiment.experiment.id } });

    const different = await create(experimentDefinition('idem', { coverage: 0.5 }));
    expect(different.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'key' });
  });

  it('changes anything while DRAFT, carrying a defaulted seed along with a new key', async () => {
    await create(experimentDefinition('draft-edit'));
    const result = await update('draft-edit', {
      key: 'draft-edited',
      coverage: 0.8,
      variants: [
        { key: 'email', weight: 0.4 },
        { key: 'sms', weight: 0.3 },
        { key: 'push', weight: 0.3 },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateExperiment.experiment).toMatchObject({ key: 'draft-edited', seed: 'draft-edited', coverage: 0.8 });
    expect(result.data?.updateExperiment.experiment.variants.map((v) => [v.key, v.weight])).toEqual([
      ['email', 0.4],
      ['sms', 0.3],
      ['push', 0.3],
    ]);
    const invalid = await update('draft-edited', { variants: [{ key: 'a', weight: 0.9 }, { key: 'b', weight: 0.2 }] });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'set.variants' });
    const missing = await update('no-such-experiment', { name: 'x' });
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('once RUNNING, changes only what moves nobody: weights, coverage, seed and the primary metric are BAD_USER_INPUT', async () => {
    await create(experimentDefinition('running-edit'));
    expect((await start('running-edit')).data?.startExperiment).toMatchObject({ changed: true, experiment: { status: 'RUNNING', startedAt: NOW } });

    const renamed = await update('running-edit', {
      name: 'Renamed while running',
      variants: [
        { key: 'email', name: 'Plain email', weight: 0.5 },
        { key: 'sms', name: 'Text message', weight: 0.5 },
      ],
      guardrailMetrics: [{ key: 'logins', kind: 'COUNT', event: 'LOGIN' }],
      minimumDetectableEffect: 0.1,
    });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.updateExperiment.experiment).toMatchObject({ minimumDetectableEffect: 0.1, variants: [{ name: 'Plain email' }, { name: 'Text message' }] });

    const weights = await update('running-edit', { variants: [{ key: 'email', weight: 0.6 }, { key: 'sms', weight: 0.4 }] });
    expect(weights.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'set.variants[0].weight' });
    const issues = (
      await update('running-edit', { coverage: 0.5, seed: 'other', primaryMetric: { key: 'ordered', kind: 'COUNT', event: 'ORDER_PLACED' } })
    ).errors?.[0]?.extensions?.['issues'] as { field: string }[];
    expect(issues.map((i) => i.field).sort()).toEqual(['set.coverage', 'set.primaryMetric', 'set.seed']);
  });

  it('starts and stops once each way: retries change nothing, a draft cannot stop, a stopped one cannot restart', async () => {
    await create(experimentDefinition('lifecycle'));
    const early = await stop('lifecycle');
    expect(early.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

    const before = (await outboxTypes()).length;
    expect((await start('lifecycle')).data?.startExperiment.changed).toBe(true);
    expect((await start('lifecycle')).data?.startExperiment).toMatchObject({ changed: false, experiment: { status: 'RUNNING' } });
    expect((await stop('lifecycle')).data?.stopExperiment).toMatchObject({ changed: true, experiment: { status: 'STOPPED', stoppedAt: NOW } });
    expect((await stop('lifecycle')).data?.stopExperiment.changed).toBe(false);
    const restart = await start('lifecycle');
    expect(restart.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect((await outboxTypes()).slice(before)).toEqual(['rekindle.experiment.experiment.started.v1', 'rekindle.experiment.experiment.stopped.v1']);
    expect((await start('nothing-here')).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('lists experiments newest first with keyset pagination and a status filter', async () => {
    const page = await postGraphQL<{ experiments: { edges: { node: { key: string; status: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      experiment.url,
      'query($after: String) { experiments(first: 2, after: $after) { edges { node { key status } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(page.errors).toBeUndefined();
    expect(page.data?.experiments.edges).toHaveLength(2);
    expect(page.data?.experiments.pageInfo.hasNextPage).toBe(true);
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const next: typeof page = await postGraphQL(
        experiment.url,
        'query($after: String) { experiments(first: 2, after: $after) { edges { node { key status } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      all.push(...(next.data?.experiments.edges.map((e) => e.node.key) ?? []));
      if (!next.data?.experiments.pageInfo.hasNextPage) break;
      after = next.data.experiments.pageInfo.endCursor;
    }
    expect(all).toEqual(['lifecycle', 'running-edit', 'draft-edited', 'idem', 'defaults']);
    const running = await postGraphQL<{ experiments: { edges: { node: { key: string } }[] } }>(
      experiment.url,
      '{ experiments(status: RUNNING) { edges { node { key } } } }',
    );
    expect(running.data?.experiments.edges.map((e) => e.node.key)).toEqual(['running-edit']);
  });

  it.each([
    ['a time that is not one', ['not-a-time', '0f8fad5b-d9cb-469f-a165-70867728950e']],
    ['an id that is not a UUID', ['2030-01-01T00:00:00.000Z', 'x']],
  ])('answers a hand-made experiments cursor with %s as BAD_USER_INPUT on after', async (_what, keys) => {
    const after = Buffer.from(JSON.stringify(keys)).toString('base64url');
    const result = await postGraphQL(experiment.url, 'query($after: String) { experiments(first: 2, after: $after) { edges { node { key } } } }', { after });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
