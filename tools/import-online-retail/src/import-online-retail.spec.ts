import { fixtureDir } from './fixtures/fixture-files';
import { formatSummary } from './format-summary';
import { importOnlineRetail } from './import-online-retail';
import { SkipReason } from './parse-row';

interface FakeEvent {
  eventId: string;
  customerExternalId: string;
  occurredAt: string;
}

/** An in-memory stand-in for the profile subgraph's partner operations, idempotent like the real one. */
function fakeProfile(options: { rejectEventIds?: string[]; failRecordEvents?: boolean } = {}) {
  const customers = new Map<string, string | undefined>();
  const events = new Map<string, FakeEvent>();
  const arrival: FakeEvent[] = [];
  const batchSizes: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = (async (_url: string, init: RequestInit) => {
    const { query, variables } = JSON.parse(init.body as string) as { query: string; variables: { input: Record<string, unknown[]> } };
    const reply = (data: unknown) => new Response(JSON.stringify({ data }), { status: 200 });
    if (query.includes('upsertCustomers')) {
      const result = { created: 0, updated: 0, unchanged: 0 };
      for (const c of variables.input['customers'] as { externalId: string; region?: string }[]) {
        if (!customers.has(c.externalId)) result.created += 1;
        else if (customers.get(c.externalId) !== c.region) result.updated += 1;
        else result.unchanged += 1;
        customers.set(c.externalId, c.region);
      }
      return reply({ upsertCustomers: result });
    }
    if (query.includes('recordEvents')) {
      if (options.failRecordEvents) return new Response('upstream down', { status: 503 });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      const batch = variables.input['events'] as FakeEvent[];
      batchSizes.push(batch.length);
      const result = { accepted: 0, duplicates: 0, customersCreated: 0, rejected: [] as unknown[] };
      batch.forEach((e, index) => {
        if (options.rejectEventIds?.includes(e.eventId)) {
          result.rejected.push({ index, code: 'BAD_USER_INPUT', field: `events[${index}].occurredAt`, message: 'is not liked' });
        } else if (events.has(e.eventId)) {
          result.duplicates += 1;
        } else {
          events.set(e.eventId, e);
          arrival.push(e);
          result.accepted += 1;
        }
      });
      return reply({ recordEvents: result });
    }
    if (query.includes('recomputeProfiles')) return reply({ recomputeProfiles: { customersScored: 7, rfmChanged: 7, lifecycleChanged: 0, tookMs: 12 } });
    if (query.includes('dormancyOverview')) {
      return reply({
        dormancyOverview: {
          totalCustomers: customers.size,
          silentShare: 0.25,
          unscored: 2,
          byStage: [{ stage: 'SILENT', customers: 2 }],
          byRfmSegment: [{ segment: 'LOST', customers: 7 }],
        },
      });
    }
    return new Response('unknown operation', { status: 400 });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, customers, events, arrival, batchSizes, maxInFlight: () => maxInFlight };
}

describe('importOnlineRetail against an in-memory profile', () => {
  const files = fixtureDir();
  afterAll(() => files.remove());

  it('upserts customers, sends one event per invoice in batches, and changes nothing the second time', async () => {
    const profile = fakeProfile();
    const file = files.messyGz();
    const log: string[] = [];
    const options = { file, url: 'http://profile.test/graphql', batchSize: 2, concurrency: 2 };
    const first = await importOnlineRetail(options, { fetch: profile.fetch, log: (l) => log.push(l) });

    expect(first).toMatchObject({
      ok: true,
      rowsRead: 20,
      rowsSkippedTotal: 11,
      invoices: { orders: 4, cancellations: 2, orderLines: 6, cancelledLines: 3 },
      customers: { seen: 9, created: 9, updated: 0, unchanged: 0 },
      events: { sent: 6, accepted: 6, duplicates: 0, rejected: 0, unsent: 0 },
      recompute: { customersScored: 7 },
      overview: { totalCustomers: 9, silentShare: 0.25 },
      failures: [],
    });
    expect(first.rowsSkipped[SkipReason.MISSING_CUSTOMER]).toBe(2);
    expect(first.invoicesSkipped[SkipReason.MISSING_CUSTOMER]).toBe(1);
    expect(profile.customers.get('12584')).toBe('Belgium');
    expect(profile.batchSizes.every((n) => n <= 2)).toBe(true);
    expect(profile.maxInFlight()).toBeLessThanOrEqual(2);
    // Each customer's events arrive in time order, whichever lane carried them.
    const byCustomer = new Map<string, string[]>();
    for (const e of profile.arrival) byCustomer.set(e.customerExternalId, [...(byCustomer.get(e.customerExternalId) ?? []), e.occurredAt]);
    for (const times of byCustomer.values()) expect(times).toEqual([...times].sort());
    expect(log.some((l) => l.startsWith('read 20 rows'))).toBe(true);
    expect(log.some((l) => /^sent 6\/6 events in \d+ calls/.test(l))).toBe(true);

    const second = await importOnlineRetail(options, { fetch: profile.fetch });
    expect(second).toMatchObject({
      ok: true,
      customers: { seen: 9, created: 0, updated: 0, unchanged: 9 },
      events: { sent: 6, accepted: 0, duplicates: 6, rejected: 0 },
    });
    expect(profile.events.size).toBe(6);

    const text = formatSummary(second);
    expect(text).toContain('rows read: 20');
    expect(text).toContain(`  ${SkipReason.MISSING_CUSTOMER}: 2 rows (1 invoices)`);
    expect(text).toContain('invoices: 4 orders (6 lines), 2 cancellations (3 lines)');
    expect(text).toContain('customers: 9 seen; 0 created, 0 updated, 9 unchanged');
    expect(text).toContain('events: 6 sent in');
    expect(text).toContain('0 accepted, 6 duplicates, 0 rejected');
    expect(text).toContain('dormancyOverview: 9 customers, silent share 25.0%, 2 unscored');
    expect(text).toContain('result: ok');
  });

  it('reports rejected events with their eventId and is not ok', async () => {
    const profile = fakeProfile({ rejectEventIds: ['online-retail:C536379'] });
    const summary = await importOnlineRetail({ file: files.messyGz(), url: 'http://profile.test/graphql', recompute: false }, { fetch: profile.fetch });
    expect(summary.ok).toBe(false);
    expect(summary.events).toMatchObject({ accepted: 5, rejected: 1 });
    expect(summary.events.firstRejections).toEqual([
      { eventId: 'online-retail:C536379', code: 'BAD_USER_INPUT', field: expect.stringMatching(/occurredAt$/), message: 'is not liked' },
    ]);
    expect(summary.recompute).toBeUndefined();
    expect(formatSummary(summary)).toContain('result: NOT ok (1 events rejected)');
  });

  it('stops after a call fails past its retries, counts what was not sent, and is not ok', async () => {
    const profile = fakeProfile({ failRecordEvents: true });
    const sleeps: number[] = [];
    const summary = await importOnlineRetail(
      { file: files.messyGz(), url: 'http://profile.test/graphql', retries: 2, retryDelayMs: 10, concurrency: 1 },
      { fetch: profile.fetch, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(summary.ok).toBe(false);
    expect(sleeps).toEqual([10, 20]);
    expect(summary.failures).toEqual(['recordEvents failed after 3 attempt(s): HTTP 503: upstream down']);
    expect(summary.events).toMatchObject({ sent: 0, unsent: 6 });
    expect(summary.recompute).toBeUndefined();
  });
});
