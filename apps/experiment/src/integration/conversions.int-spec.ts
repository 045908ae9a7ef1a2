import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '@rekindle/contracts';
import {
  ASSIGN,
  CREATE_EXPERIMENT,
  experimentDefinition,
  postGraphQL,
  RECORD_CONVERSION,
  RESULTS,
  START_EXPERIMENT,
  startTestService,
  profileEvents,
  publishProfileEvents,
  waitUntilConsumed,
  type AssignData,
  type ResultsData,
  type TestService,
} from '@rekindle/platform-testing';
import type { ExperimentService } from '../experiment-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();

/** The two events profile publishes for one accepted ORDER_PLACED. */
const orderEvents = (customerId: string, placedAt: string, total: string) => profileEvents.order(customerId, placedAt, randomUUID(), total);

describe('conversions and results (experiment subgraph, real PostgreSQL/NATS)', () => {
  let experiment: TestService<ExperimentService>;
  const gql = <T>(query: string, variables: Record<string, unknown>) => postGraphQL<T>(experiment.url, query, variables);
  const inboxCount = async () => ((await experiment.service.dataSource.query('SELECT count(*)::int AS n FROM inbox')) as { n: number }[])[0]!.n;
  const setUp = async (key: string, overrides: Record<string, unknown>) => {
    expect((await gql(CREATE_EXPERIMENT, { input: experimentDefinition(key, overrides) })).errors).toBeUndefined();
    expect((await gql(START_EXPERIMENT, { key })).errors).toBeUndefined();
  };
  const variantOf = async (key: string, customerId: string) => (await gql<AssignData>(ASSIGN, { key, customerId })).data!.assign.variant!.key;
  const results = async (key: string) => {
    const response = await gql<ResultsData>(RESULTS, { key });
    expect(response.errors).toBeUndefined();
    return response.data!.experimentByKey!.results;
  };

  beforeAll(async () => {
    experiment = await startTestService(serviceDefinition, { label: 'exp_conversions', now: NOW });
  });
  afterAll(() => experiment.stop());

  it('counts profile events within each exposed customer\'s window, once each even when delivered twice', async () => {
    await setUp('heard', {
      guardrailMetrics: [
        { key: 'revenue', kind: 'REVENUE', event: 'ORDER_PLACED' },
        { key: 'logins', kind: 'COUNT', event: 'LOGIN' },
        { key: 'reactivated', kind: 'BINOMIAL', event: 'ANY_ACTIVITY' },
      ],
      conversionWindow: { value: 48, unit: 'HOURS' },
    });
    const [buyer, browser, late, early, stranger] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const variant = new Map<string, string>();
    for (const customer of [buyer, browser, late, early]) variant.set(customer, await variantOf('heard', customer));

    const [firstActivity, firstOrder] = orderEvents(buyer, at(1), '10.50') as [CloudEvent, CloudEvent];
    const events = [
      firstActivity,
      firstOrder,
      ...orderEvents(buyer, at(2), '4.25'),
      profileEvents.login(browser, at(1)),
      profileEvents.login(browser, at(3)),
      ...orderEvents(late, at(49), '99'), // after the 48-hour window
      ...orderEvents(early, at(-1), '99'), // before the exposure
      ...orderEvents(stranger, at(1), '99'), // never exposed
    ];
    const { bus } = experiment.service;
    await publishProfileEvents(bus, events);
    // The same order again under other message ids, as a redelivery after a lost ack would bring it.
    await publishProfileEvents(bus, [firstActivity, firstOrder], (event) => `${event.id}-again`);
    // Both copies are in the stream; wait until the consumers have settled every message.
    expect((await bus.jsm.streams.info(bus.streamName('profile'))).state.messages).toBe(events.length + 2);
    await waitUntilConsumed(bus);
    expect(await inboxCount()).toBe(events.length);

    const rows: { customer_id: string; event: string; events: number; amount: string }[] = await experiment.service.dataSource.query(
      'SELECT customer_id, event, events, amount::text AS amount FROM conversion ORDER BY customer_id, event',
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { customer_id: buyer, event: 'ANY_ACTIVITY', events: 2, amount: '14.7500' },
        { customer_id: buyer, event: 'ORDER_PLACED', events: 2, amount: '14.7500' },
        { customer_id: browser, event: 'ANY_ACTIVITY', events: 2, amount: '0.0000' },
        { customer_id: browser, event: 'LOGIN', events: 2, amount: '0.0000' },
      ]),
    );
    expect(rows).toHaveLength(4);

    const { variants, totalExposed } = await results('heard');
    expect(totalExposed).toBe(4);
    for (const v of variants) {
      const members = [...variant].filter(([, key]) => key === v.variant).map(([customer]) => customer);
      const metric = (key: string) => v.metrics.find((m) => m.metric === key)!;
      expect(v.exposed).toBe(members.length);
      expect(metric('ordered').conversions).toBe(members.includes(buyer) ? 1 : 0);
      expect(metric('revenue').total).toBe(members.includes(buyer) ? '14.75' : '0');
      expect(metric('logins').total).toBe(members.includes(browser) ? '2' : '0');
      expect(metric('reactivated').conversions).toBe(members.filter((c) => c === buyer || c === browser).length);
      expect(v.conversions).toBe(metric('ordered').conversions);
      expect(v.revenueMean).toBe(members.length > 0 ? (members.includes(buyer) ? 14.75 : 0) / members.length : null);
    }
  });

  it('records client conversions idempotently by key and counts them only for exposed customers in their window', async () => {
    await setUp('manual', {
      primaryMetric: { key: 'signed-up', kind: 'BINOMIAL', event: 'SIGNED_UP' },
      guardrailMetrics: [{ key: 'value', kind: 'REVENUE', event: 'SIGNED_UP' }],
    });
    const customer = randomUUID();
    const chosen = await variantOf('manual', customer);
    const input = { idempotencyKey: 'signup-1', experimentKey: 'manual', customerId: customer, event: 'SIGNED_UP', value: '12.5', occurredAt: at(0.05) };
    const record = (overrides: Record<string, unknown> = {}) =>
      gql<{ recordConversion: { status: string; duplicate: boolean } }>(RECORD_CONVERSION, { input: { ...input, ...overrides } });

    const firstCall = await record();
    expect(firstCall.errors).toBeUndefined();
    expect(firstCall.data?.recordConversion).toEqual({ status: 'COUNTED', duplicate: false });
    expect((await record()).data?.recordConversion).toEqual({ status: 'COUNTED', duplicate: true });
    expect((await record({ value: '12.50', occurredAt: null })).data?.recordConversion).toEqual({ status: 'COUNTED', duplicate: true });
    expect((await record({ value: '13' })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });

    expect((await record({ idempotencyKey: 'signup-2', customerId: randomUUID() })).data?.recordConversion).toEqual({ status: 'NOT_EXPOSED', duplicate: false });
    expect((await record({ idempotencyKey: 'signup-3', occurredAt: at(-1) })).data?.recordConversion).toEqual({ status: 'OUTSIDE_WINDOW', duplicate: false });
    expect((await record({ idempotencyKey: 'signup-4', event: 'NEWSLETTER' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'event' });
    expect((await record({ idempotencyKey: 'signup-5', occurredAt: at(1) })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurredAt' });
    expect((await record({ idempotencyKey: 'signup-6', value: '-1' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    expect((await record({ idempotencyKey: 'x', experimentKey: 'nope' })).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const { variants } = await results('manual');
    const mine = variants.find((v) => v.variant === chosen)!;
    expect(mine.metrics.map((m) => [m.metric, m.total])).toEqual([
      ['signed-up', '1'],
      ['value', '12.5'],
    ]);
    expect(variants.find((v) => v.variant !== chosen)!.metrics.map((m) => m.total)).toEqual(['0', '0']);
  });

  it('computes results from the aggregate with the core: the control first, comparisons null where no estimate exists', async () => {
    await setUp('tiny', { conversionWindow: { value: 1, unit: 'DAYS' } });
    const { variants, srm, sampleSize, totalExposed } = await results('tiny');
    expect(totalExposed).toBe(0);
    expect(variants.map((v) => [v.variant, v.isControl, v.exposed, v.observedShare, v.conversionRate])).toEqual([
      ['email', true, 0, null, null],
      ['sms', false, 0, null, null],
    ]);
    expect(variants.flatMap((v) => v.metrics.map((m) => m.comparison))).toEqual([null, null, null, null]);
    expect(srm).toEqual({ chiSquared: 0, degreesOfFreedom: 1, pValue: 1, mismatch: false, threshold: 0.001 });
    expect(sampleSize).toBeNull();
  });
});
