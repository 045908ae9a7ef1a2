import { invoiceToEvent } from './build-events';
import { fixtureDir } from './fixtures/fixture-files';
import { readAndGroup } from './import-online-retail';
import { SkipReason } from './parse-row';

describe('grouping the messy fixture (gzipped) into invoices', () => {
  const files = fixtureDir();
  afterAll(() => files.remove());

  it('counts every row: sent, or skipped with its reason', async () => {
    const grouped = await readAndGroup(files.messyGz(), undefined);
    expect(grouped.rowsRead).toBe(20);
    expect(grouped.rowsSkipped).toEqual({
      [SkipReason.MISSING_CUSTOMER]: 2,
      [SkipReason.NON_POSITIVE_QUANTITY]: 1,
      [SkipReason.MALFORMED_DATE]: 1,
      [SkipReason.MALFORMED_PRICE]: 1,
      [SkipReason.NEGATIVE_PRICE]: 1,
      [SkipReason.BAD_CSV_RECORD]: 1,
      [SkipReason.MALFORMED_QUANTITY]: 1,
      [SkipReason.MALFORMED_CUSTOMER]: 1,
      [SkipReason.TWO_CUSTOMERS]: 2,
    });
    expect(grouped.invoicesSkipped).toEqual({ [SkipReason.MISSING_CUSTOMER]: 1, [SkipReason.TWO_CUSTOMERS]: 1 });
    expect(grouped.csvProblems).toEqual(['data record 17: has 10 fields, the header 8']);
    const sentRows = grouped.invoices.reduce((n, i) => n + i.lines.length, 0);
    const skippedRows = Object.values(grouped.rowsSkipped).reduce((a, b) => a + b, 0);
    expect(sentRows + skippedRows).toBe(grouped.rowsRead);
  });

  it('gathers the rows of one invoice wherever they are, in time order, and sends C invoices as cancellations', async () => {
    const grouped = await readAndGroup(files.messyGz(), undefined);
    expect(grouped.invoices.map((i) => i.invoiceNo)).toEqual(['536365', '536367', '536368', '536370', 'C536379', 'C536383']);
    const events = grouped.invoices.map(invoiceToEvent);
    // 536365: rows 1, 2 and 7 (not adjacent), float CustomerID stripped, the earliest row's time.
    expect(events[0]).toEqual({
      eventId: 'online-retail:536365',
      customerExternalId: '17850',
      type: 'ORDER_PLACED',
      occurredAt: '2010-12-01T08:26:00.000Z',
      orderPlaced: {
        orderId: '536365',
        currency: 'GBP',
        lines: [
          { productId: '85123A', category: null, quantity: 6, unitPrice: '2.55' },
          { productId: '71053', category: null, quantity: 6, unitPrice: '3.39' },
          { productId: '22752', category: null, quantity: 2, unitPrice: '7.65' },
        ],
      },
    });
    expect(events[1]).toMatchObject({ orderPlaced: { lines: [{ productId: '84879', quantity: 32, unitPrice: '1.69' }] } });
    // 536368: the zero-price line stays; its negative-quantity line was skipped alone.
    expect(events[2]).toMatchObject({ customerExternalId: '13047', orderPlaced: { lines: [{ productId: '22960', quantity: 6, unitPrice: '0' }] } });
    expect(events[4]).toEqual({
      eventId: 'online-retail:C536379',
      customerExternalId: '14527',
      type: 'ORDER_CANCELLED',
      occurredAt: '2010-12-01T09:41:00.000Z',
      // 3 × 0.10, exactly (as floats it would be 0.30000000000000004).
      orderCancelled: { orderId: 'C536379', amount: '0.3' },
    });
    // C536383: rows not adjacent; |-1| × 4.65 + |-2| × 1.25.
    expect(events[5]).toMatchObject({ type: 'ORDER_CANCELLED', orderCancelled: { orderId: 'C536383', amount: '7.15' } });
  });

  it('lists every customer seen once, with the country of their first row', async () => {
    const grouped = await readAndGroup(files.messyGz(), undefined);
    expect(grouped.customers).toEqual([
      { externalId: '17850', region: 'United Kingdom' },
      { externalId: '13047', region: 'United Kingdom' },
      { externalId: '14527', region: 'United Kingdom' },
      { externalId: '12583', region: 'France' },
      { externalId: '12584', region: 'Belgium' },
      { externalId: '12585', region: 'France' },
      { externalId: '12586', region: 'Germany' },
      { externalId: '12587', region: 'United Kingdom' },
      { externalId: '15311', region: 'United Kingdom' },
    ]);
  });

  it('stops after --limit rows', async () => {
    const grouped = await readAndGroup(files.messyGz(), 7);
    expect(grouped.rowsRead).toBe(7);
    expect(grouped.invoices.map((i) => [i.invoiceNo, i.lines.length])).toEqual([
      ['536365', 3],
      ['536367', 1],
      ['C536379', 1],
    ]);
  });

  it('leaves out an order with more lines than the service takes', async () => {
    const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n';
    const rows = Array.from({ length: 1_001 }, (_, i) => `600000,P${i},X,1,2011-01-01 10:00:00,1,12346.0,United Kingdom\n`).join('');
    const grouped = await readAndGroup(files.write('big.csv', header + rows), undefined);
    expect(grouped.invoices).toEqual([]);
    expect(grouped.rowsSkipped).toEqual({ [SkipReason.TOO_MANY_LINES]: 1_001 });
    expect(grouped.invoicesSkipped).toEqual({ [SkipReason.TOO_MANY_LINES]: 1 });
  });
});
