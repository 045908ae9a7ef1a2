import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { postGraphQL, startTestStack, type TestStack } from '@rekindle/platform-testing';
import { defaultDataFile, importOnlineRetail, SkipReason, type ImportSummary } from '@rekindle/tools-import-online-retail';

const LIMIT = 20_000;
const ROOT = join(__dirname, '../../..');

type Row = Record<'InvoiceNo' | 'StockCode' | 'Quantity' | 'InvoiceDate' | 'UnitPrice' | 'CustomerID' | 'Country', string>;

/** "2.55" -> 25500n (1/10,000 of a pound), without floats; independent of the importer's own helpers. */
function tenThousandths(text: string): bigint {
  const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
  const value = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4));
  return text.startsWith('-') ? -value : value;
}

/** What the first LIMIT rows hold, worked out here from the raw CSV rather than by the importer. */
function expectationsFrom(rows: Row[]) {
  const withCustomer = rows.filter((r) => r.CustomerID !== '');
  const guests = rows.filter((r) => r.CustomerID === '');
  const orders = new Set(withCustomer.filter((r) => !r.InvoiceNo.startsWith('C')).map((r) => r.InvoiceNo));
  const cancellations = new Set(withCustomer.filter((r) => r.InvoiceNo.startsWith('C')).map((r) => r.InvoiceNo));
  const customers = new Set(withCustomer.map((r) => r.CustomerID));

  // The customer with the most orders among those who also cancelled something.
  const perCustomer = new Map<string, Row[]>();
  for (const r of withCustomer) perCustomer.set(r.CustomerID, [...(perCustomer.get(r.CustomerID) ?? []), r]);
  const [customerId, customerRows] = [...perCustomer]
    .filter(([, rs]) => rs.some((r) => r.InvoiceNo.startsWith('C')))
    .sort((a, b) => new Set(b[1].map((r) => r.InvoiceNo)).size - new Set(a[1].map((r) => r.InvoiceNo)).size)[0]!;
  const placed = customerRows.filter((r) => !r.InvoiceNo.startsWith('C'));
  const cancelled = customerRows.filter((r) => r.InvoiceNo.startsWith('C'));
  const gross = placed.reduce((sum, r) => sum + BigInt(r.Quantity) * tenThousandths(r.UnitPrice), 0n);
  const taken = cancelled.reduce((sum, r) => sum + BigInt(Math.abs(Number(r.Quantity))) * tenThousandths(r.UnitPrice), 0n);
  const lastOrderAt = placed.map((r) => `${r.InvoiceDate.replace(' ', 'T')}Z`).sort().at(-1)!;

  return {
    guestRows: guests.length,
    guestInvoices: new Set(guests.map((r) => r.InvoiceNo)).size,
    orders: orders.size,
    cancellations: cancellations.size,
    customers: customers.size,
    customer: {
      externalId: String(Number(customerId)),
      ordersAllTime: new Set(placed.map((r) => r.InvoiceNo)).size,
      netRevenue: gross - taken,
      lastOrderAt: new Date(lastOrderAt).toISOString(),
    },
  };
}

describe('Online Retail import into the real profile subgraph', () => {
  let stack: TestStack<'profile'>;
  let profileUrl: string;
  let expected: ReturnType<typeof expectationsFrom>;
  let first: ImportSummary;

  beforeAll(async () => {
    const text = gunzipSync(readFileSync(defaultDataFile())).toString('utf8');
    const rows = parse(text, { columns: true, to: LIMIT }) as Row[];
    expect(rows).toHaveLength(LIMIT);
    expected = expectationsFrom(rows);
    stack = await startTestStack(['profile'], { label: 'retail', now: '2011-12-10T00:00:00Z' });
    profileUrl = stack.services.profile.url;
  });
  afterAll(() => stack?.stop());

  it(`imports the first ${LIMIT.toLocaleString('en-GB')} rows: customers, one event per invoice, skips counted`, async () => {
    first = await importOnlineRetail({ url: profileUrl, limit: LIMIT });
    expect(first.failures).toEqual([]);
    expect(first.ok).toBe(true);
    expect(first.rowsRead).toBe(LIMIT);
    expect(first.rowsSkipped[SkipReason.MISSING_CUSTOMER]).toBe(expected.guestRows);
    expect(first.invoicesSkipped[SkipReason.MISSING_CUSTOMER]).toBe(expected.guestInvoices);
    expect(first.rowsSkippedTotal).toBeGreaterThan(0);
    expect(first.invoices).toMatchObject({ orders: expected.orders, cancellations: expected.cancellations });
    expect(first.customers).toEqual({ seen: expected.customers, created: expected.customers, updated: 0, unchanged: 0 });
    expect(first.customers.created).toBeGreaterThan(0);
    expect(first.events).toMatchObject({
      sent: expected.orders + expected.cancellations,
      accepted: expected.orders + expected.cancellations,
      duplicates: 0,
      rejected: 0,
      customersCreated: 0,
    });
    expect(first.recompute?.customersScored).toBeGreaterThan(0);
    const overview = first.overview!;
    expect(overview.totalCustomers).toBe(expected.customers);
    expect(overview.byStage.reduce((n, s) => n + s.customers, 0)).toBe(expected.customers);
  });

  it("reads back one customer's activity as computed from the same rows", async () => {
    const { customer } = expected;
    const result = await postGraphQL<{
      customerByExternalId: { region: string; activity: { ordersAllTime: number; netRevenueAllTime: string; lastOrderAt: string } };
    }>(
      profileUrl,
      'query($id: String!) { customerByExternalId(externalId: $id) { region activity { ordersAllTime netRevenueAllTime lastOrderAt } } }',
      { id: customer.externalId },
    );
    expect(result.errors).toBeUndefined();
    const activity = result.data!.customerByExternalId.activity;
    expect(activity.ordersAllTime).toBe(customer.ordersAllTime);
    expect(tenThousandths(activity.netRevenueAllTime)).toBe(customer.netRevenue);
    expect(new Date(activity.lastOrderAt).toISOString()).toBe(customer.lastOrderAt);
  });

  it('changes nothing the second time (run through the CLI): all duplicates, customers unchanged, exit 0', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['tools/import-online-retail/src/import-cli.ts', '--url', profileUrl, '--limit', String(LIMIT)],
      { cwd: ROOT, timeout: 120_000 },
    );
    const all = expected.orders + expected.cancellations;
    const n = (x: number) => x.toLocaleString('en-GB');
    expect(stdout).toContain(`customers: ${n(expected.customers)} seen; 0 created, 0 updated, ${n(expected.customers)} unchanged`);
    expect(stdout).toContain(`0 accepted, ${n(all)} duplicates, 0 rejected`);
    expect(stdout).toContain('result: ok');
    expect(stderr).toMatch(/^read 20,000 rows in/m);

    const again = await importOnlineRetail({ url: profileUrl, limit: LIMIT, recompute: false });
    expect(again.events).toMatchObject({ accepted: 0, duplicates: all, rejected: 0 });
    expect(again.customers).toMatchObject({ created: 0, updated: 0, unchanged: expected.customers });
  });
});
