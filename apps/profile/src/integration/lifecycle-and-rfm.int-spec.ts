import { lifecycleChangedV1, rfmScoredV1 } from '@rekindle/contracts';
import {
  customerEvent,
  daysBefore,
  login,
  order,
  outboxEvents,
  postGraphQL,
  recordEvents,
  startTestService,
  type TestService,
} from '@rekindle/platform-testing';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';
const LIFECYCLE = `query($ids: [String!]) { customers(first: 100, filter: { externalIds: $ids }) {
  edges { node { externalId lifecycle { stage daysInactive previousStage since } } } } }`;
const RECOMPUTE = 'mutation { recomputeProfiles { customersScored rfmChanged lifecycleChanged } }';

type Lifecycles = { customers: { edges: { node: { externalId: string; lifecycle: { stage: string; daysInactive: number; previousStage: string | null } } }[] } };

async function lifecycles(url: string, ids: string[]) {
  const result = await postGraphQL<Lifecycles>(url, LIFECYCLE, { ids });
  return Object.fromEntries(result.data!.customers.edges.map((e) => [e.node.externalId, e.node.lifecycle]));
}

describe('lifecycle stages', () => {
  let profile: TestService<ProfileService>;
  beforeAll(async () => {
    profile = await startTestService(serviceDefinition, { label: 'profile_lifecycle', now: NOW });
  });
  afterAll(() => profile.stop());

  it('puts customers in the stage their days of inactivity say, on each boundary', async () => {
    const boundaries: [number, string][] = [
      [0, 'ACTIVE'], [29, 'ACTIVE'], [30, 'EARLY_DORMANT'], [89, 'EARLY_DORMANT'], [90, 'DORMANT'],
      [179, 'DORMANT'], [180, 'DEEP_DORMANT'], [364, 'DEEP_DORMANT'], [365, 'SILENT'], [1000, 'SILENT'],
    ];
    // Logins 60 and 30 days before the last one: old enough not to be NEW, gaps too short to be a reactivation.
    const events = boundaries.flatMap(([d]) => [60, 30, 0].map((extra) => login(`d${d}`, daysBefore(NOW, d + extra))));
    await recordEvents(profile, events);
    const stages = await lifecycles(profile.url, boundaries.map(([d]) => `d${d}`));
    for (const [d, stage] of boundaries) expect([d, stages[`d${d}`]?.stage, stages[`d${d}`]?.daysInactive]).toEqual([d, stage, d]);
  });

  it('marks an activity that ends a gap of 90 days or more as REACTIVATED, and one after 89 days not', async () => {
    await recordEvents(profile, [login('gap90', daysBefore(NOW, 100)), login('gap89', daysBefore(NOW, 99)), login('gap90', daysBefore(NOW, 10)), login('gap89', daysBefore(NOW, 10))]);
    const stages = await lifecycles(profile.url, ['gap90', 'gap89']);
    expect(stages['gap90']).toMatchObject({ stage: 'REACTIVATED' });
    expect(stages['gap89']).toMatchObject({ stage: 'ACTIVE' });
  });

  it('moves stages by time alone in the daily job, emitting lifecycle.changed', async () => {
    await recordEvents(profile, [89, 59, 29].map((d) => login('ages', daysBefore(NOW, d))));
    expect((await lifecycles(profile.url, ['ages']))['ages']).toMatchObject({ stage: 'ACTIVE' });

    const tomorrow = await startTestService(serviceDefinition, { label: 'profile_lifecycle_next', now: daysBefore(NOW, -1), schema: profile.schema, busPrefix: profile.busPrefix });
    try {
      const run = await postGraphQL<{ recomputeProfiles: { lifecycleChanged: number } }>(tomorrow.url, RECOMPUTE);
      expect(run.errors).toBeUndefined();
      expect((await lifecycles(tomorrow.url, ['ages']))['ages']).toMatchObject({ stage: 'EARLY_DORMANT', previousStage: 'ACTIVE', daysInactive: 30 });
      const [{ id: agesId }] = await tomorrow.service.dataSource.query(`SELECT id FROM customer WHERE external_id = 'ages'`);
      const changes = (await outboxEvents(tomorrow.service.dataSource, lifecycleChangedV1.type)).filter(
        (e) => e.subject === agesId && (e.data as { to: string }).to === 'EARLY_DORMANT',
      );
      expect(changes.map((e) => e.data)).toEqual([expect.objectContaining({ from: 'ACTIVE', to: 'EARLY_DORMANT', daysInactive: 30 })]);
      const again = await postGraphQL<{ recomputeProfiles: { lifecycleChanged: number } }>(tomorrow.url, RECOMPUTE);
      expect(again.data?.recomputeProfiles.lifecycleChanged).toBe(0);
    } finally {
      await tomorrow.stop();
    }
  });
});

describe('RFM on a hand-checked population', () => {
  let profile: TestService<ProfileService>;
  beforeAll(async () => {
    profile = await startTestService(serviceDefinition, { label: 'profile_rfm', now: NOW });
  });
  afterAll(() => profile.stop());

  it('scores quintiles, nets cancellations, names segments, and emits only changes', async () => {
    // a..e: 1..5 orders of 10.00 in the window, last one 50..10 days ago; d loses 35.00 to a cancellation.
    const plan = { a: [1, 50], b: [2, 40], c: [3, 30], d: [4, 20], e: [5, 10] } as const;
    const events = Object.entries(plan).flatMap(([c, [orders, lastDays]]) =>
      Array.from({ length: orders }, (_, i) => order(c, daysBefore(NOW, lastDays + i), `${c}-${i}`, [{ quantity: 1, unitPrice: '10.00' }])),
    );
    events.push(customerEvent('d', 'ORDER_CANCELLED', daysBefore(NOW, 19), { orderCancelled: { orderId: 'd-0', amount: '35.00' } }));
    events.push(login('never-ordered', daysBefore(NOW, 3)));
    await recordEvents(profile, events);

    const run = await postGraphQL<{ recomputeProfiles: { customersScored: number; rfmChanged: number } }>(profile.url, RECOMPUTE);
    expect(run.data?.recomputeProfiles).toMatchObject({ customersScored: 5, rfmChanged: 5 });
    const result = await postGraphQL<{ customers: { edges: { node: { externalId: string; rfm: Record<string, unknown> | null } }[] } }>(
      profile.url,
      `{ customers(first: 10) { edges { node { externalId rfm { recencyDays frequency monetary recencyScore frequencyScore monetaryScore segment } } } } }`,
    );
    const rfm = Object.fromEntries(result.data!.customers.edges.map((e) => [e.node.externalId, e.node.rfm]));
    // monetary ascending: d 5, a 10, b 20, c 30, e 50 -> M 1..5
    expect(rfm).toEqual({
      a: { recencyDays: 50, frequency: 1, monetary: '10', recencyScore: 1, frequencyScore: 1, monetaryScore: 2, segment: 'LOST' },
      b: { recencyDays: 40, frequency: 2, monetary: '20', recencyScore: 2, frequencyScore: 2, monetaryScore: 3, segment: 'AT_RISK' },
      c: { recencyDays: 30, frequency: 3, monetary: '30', recencyScore: 3, frequencyScore: 3, monetaryScore: 4, segment: 'LOYAL_CUSTOMERS' },
      d: { recencyDays: 20, frequency: 4, monetary: '5', recencyScore: 4, frequencyScore: 4, monetaryScore: 1, segment: 'POTENTIAL_LOYALISTS' },
      e: { recencyDays: 10, frequency: 5, monetary: '50', recencyScore: 5, frequencyScore: 5, monetaryScore: 5, segment: 'CHAMPIONS' },
      'never-ordered': null,
    });
    expect(await outboxEvents(profile.service.dataSource, rfmScoredV1.type)).toHaveLength(5);

    const again = await postGraphQL<{ recomputeProfiles: { rfmChanged: number } }>(profile.url, RECOMPUTE);
    expect(again.data?.recomputeProfiles.rfmChanged).toBe(0);

    const overview = await postGraphQL<{ dormancyOverview: { totalCustomers: number; unscored: number; byRfmSegment: { segment: string; customers: number }[] } }>(
      profile.url,
      '{ dormancyOverview { totalCustomers unscored silentShare byStage { stage customers } byRfmSegment { segment customers } } }',
    );
    expect(overview.data?.dormancyOverview).toMatchObject({ totalCustomers: 6, unscored: 1 });
    expect(overview.data?.dormancyOverview.byRfmSegment.filter((s) => s.customers > 0)).toEqual([
      { segment: 'CHAMPIONS', customers: 1 },
      { segment: 'LOYAL_CUSTOMERS', customers: 1 },
      { segment: 'POTENTIAL_LOYALISTS', customers: 1 },
      { segment: 'AT_RISK', customers: 1 },
      { segment: 'LOST', customers: 1 },
    ]);
    const filtered = await postGraphQL<{ customers: { totalCount: number } }>(
      profile.url,
      '{ customers(filter: { rfmSegments: [CHAMPIONS, LOST], maxDaysInactive: 40 }) { totalCount } }',
    );
    expect(filtered.data?.customers.totalCount).toBe(1);
  });
});
