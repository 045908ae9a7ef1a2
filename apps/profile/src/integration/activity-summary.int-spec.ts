import { createTestDatabase, type TestDatabase } from '@rekindle/platform-testing';
import { loadActivitySummaries } from '../data/activity-summary.query';
import { profileMigrations } from '../data/migrations';

// 00:30 UTC: a window of whole UTC days differs from "the last N × 24 hours".
const NOW = new Date('2030-06-15T00:30:00.000Z');
const ANN = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';
const CY = '00000000-0000-4000-8000-00000000000c';

/** `days` UTC calendar days before NOW's day (negative: after), at `time` UTC. */
const at = (days: number, time: string) => {
  const day = new Date(Date.UTC(2030, 5, 15 - days)).toISOString().slice(0, 10);
  return `${day}T${time}Z`;
};

let sequence = 0;
const event = (customerId: string, type: string, occurredAt: string, data: Record<string, unknown> = {}) => ({
  event_id: `ev-${(sequence += 1)}`,
  customer_id: customerId,
  type,
  occurred_at: occurredAt,
  data,
});
const view = (customerId: string, occurredAt: string, depth: number) => event(customerId, 'PAGE_VIEW', occurredAt, { path: '/', depth });
const order = (customerId: string, occurredAt: string, lines: { category?: string | null; quantity: number }[]) =>
  event(customerId, 'ORDER_PLACED', occurredAt, {
    orderId: `o-${sequence + 1}`,
    currency: 'GBP',
    total: '0',
    lines: lines.map((l, i) => ({ productId: `p${i}`, ...l, unitPrice: '0' })),
  });

/**
 * The summary is computed from customer_event alone: the rows are written there only, and the
 * per-day and per-category tables ingestion used to keep are dropped from this schema.
 */
describe('loadActivitySummaries from customer_event', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('activity_summary', profileMigrations);
    await db.dataSource.query('DROP TABLE IF EXISTS customer_daily_activity, customer_category');
    const events = [
      // logins: by UTC calendar day back from today (2030-06-15), today included, tomorrow not
      event(ANN, 'LOGIN', at(0, '00:00:00.000')),
      event(ANN, 'LOGIN', at(0, '23:59:59.999')),
      event(ANN, 'LOGIN', at(-1, '00:00:00.000')),
      event(ANN, 'LOGIN', at(29, '00:00:00.000')),
      event(ANN, 'LOGIN', at(30, '23:59:59.999')),
      event(ANN, 'LOGIN', at(89, '12:00:00.000')),
      event(ANN, 'LOGIN', at(90, '00:00:00.000')),
      event(ANN, 'LOGIN', at(179, '00:00:00.000')),
      event(ANN, 'LOGIN', at(180, '23:59:59.999')),
      // page views: last 30 days (depth 2, 4), previous 30 days (10, 5), older or later ones
      view(ANN, at(1, '10:00:00.000'), 2),
      view(ANN, at(29, '23:59:59.999'), 4),
      view(ANN, at(30, '00:00:00.000'), 10),
      view(ANN, at(59, '23:59:59.999'), 5),
      view(ANN, at(60, '00:00:00.000'), 100),
      view(ANN, at(200, '00:00:00.000'), 7),
      view(ANN, at(-1, '00:00:00.000'), 50),
      event(ANN, 'SEARCH', at(1, '10:00:00.000'), { query: 'lamp' }),
      // categories: every order ever, lines without a category left out, a repeated one counted per line
      order(ANN, at(400, '09:00:00.000'), [{ category: 'mugs', quantity: 1 }, { category: 'lamps', quantity: 2 }, { category: null, quantity: 3 }, { quantity: 9 }]),
      order(ANN, at(10, '09:00:00.000'), [{ category: 'mugs', quantity: 1 }, { category: 'rugs', quantity: 5 }, { category: 'vases', quantity: 1 }]),
      order(ANN, at(-1, '09:00:00.000'), [{ category: 'clocks', quantity: 1 }, { category: 'clocks', quantity: 1 }]),
      order(ANN, at(50, '09:00:00.000'), [{ category: 'tables', quantity: 1 }, { category: 'chairs', quantity: 1 }, { category: 'lamps', quantity: 1 }]),
      // another customer: only old logins and uncategorised lines
      event(CY, 'LOGIN', at(300, '08:00:00.000')),
      order(CY, at(5, '08:00:00.000'), [{ category: null, quantity: 1 }]),
    ];
    await db.dataSource.query(
      `INSERT INTO customer_event (event_id, customer_id, type, occurred_at, data)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(event_id text, customer_id uuid, type text, occurred_at timestamptz, data jsonb)`,
      [JSON.stringify(events)],
    );
  });
  afterAll(() => db.drop());

  it('counts logins and page views by UTC day, averages browse depth and ranks categories over all orders', async () => {
    const summaries = await loadActivitySummaries(db.dataSource.manager, [ANN, BOB, CY], NOW);
    expect(summaries.get(ANN)).toMatchObject({
      logins: { last30Days: 3, last90Days: 5, last180Days: 7 },
      pageViews: { last30Days: 2, last90Days: 5, last180Days: 5 },
      averageBrowseDepthLast30Days: 3,
      averageBrowseDepthPrevious30Days: 7.5,
      // equal order lines: more units first, then by name
      topCategories: [
        { category: 'lamps', orderLines: 2, quantity: 3 },
        { category: 'clocks', orderLines: 2, quantity: 2 },
        { category: 'mugs', orderLines: 2, quantity: 2 },
        { category: 'rugs', orderLines: 1, quantity: 5 },
        { category: 'chairs', orderLines: 1, quantity: 1 },
      ],
    });
    expect(summaries.get(CY)).toMatchObject({
      logins: { last30Days: 0, last90Days: 0, last180Days: 0 },
      pageViews: { last30Days: 0, last90Days: 0, last180Days: 0 },
      averageBrowseDepthLast30Days: null,
      averageBrowseDepthPrevious30Days: null,
      topCategories: [],
    });
    expect(summaries.get(BOB)).toEqual({
      lastActiveAt: null,
      lastLoginAt: null,
      lastOrderAt: null,
      logins: { last30Days: 0, last90Days: 0, last180Days: 0 },
      pageViews: { last30Days: 0, last90Days: 0, last180Days: 0 },
      averageBrowseDepthLast30Days: null,
      averageBrowseDepthPrevious30Days: null,
      ordersLast365Days: 0,
      ordersAllTime: 0,
      netRevenueLast365Days: '0',
      netRevenueAllTime: '0',
      averageOrderValue: null,
      purchaseCycleDays: null,
      topCategories: [],
      openComplaints: 0,
      shares: 0,
      socialInteractions: 0,
    });
  });

  it('moves the windows with the UTC day of now', async () => {
    // A day later (midnight exactly): tomorrow's login and view count, the 29-, 89- and 179-day-old
    // logins and the 29- and 59-day-old views move to the next window or out.
    const summaries = await loadActivitySummaries(db.dataSource.manager, [ANN], new Date('2030-06-16T00:00:00.000Z'));
    expect(summaries.get(ANN)).toMatchObject({
      logins: { last30Days: 3, last90Days: 5, last180Days: 7 },
      pageViews: { last30Days: 2, last90Days: 6, last180Days: 6 },
      averageBrowseDepthLast30Days: 26,
      averageBrowseDepthPrevious30Days: 7,
    });
  });
});
