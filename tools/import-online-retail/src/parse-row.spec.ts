import { parseCustomerId, parseInvoiceDate, parseQuantity, parseRow, parseUnitPrice, SkipReason, type RawRow } from './parse-row';

const row = (overrides: Partial<RawRow> = {}): RawRow => ({
  InvoiceNo: '536365',
  StockCode: '85123A',
  Description: 'WHITE HANGING HEART T-LIGHT HOLDER',
  Quantity: '6',
  InvoiceDate: '2010-12-01 08:26:00',
  UnitPrice: '2.55',
  CustomerID: '17850.0',
  Country: 'United Kingdom',
  ...overrides,
});

describe('parseCustomerId', () => {
  it('strips the float text to the id, keeps a plain id, and tells missing from malformed', () => {
    expect(parseCustomerId('17850.0')).toBe('17850');
    expect(parseCustomerId('12346')).toBe('12346');
    expect(parseCustomerId(' 12346.00 ')).toBe('12346');
    expect(parseCustomerId('')).toBeNull();
    expect(parseCustomerId('   ')).toBeNull();
    expect(parseCustomerId('17850.5')).toBeUndefined();
    expect(parseCustomerId('abc')).toBeUndefined();
  });
});

describe('parseInvoiceDate', () => {
  it('reads "YYYY-MM-DD HH:MM:SS" as UTC', () => {
    expect(new Date(parseInvoiceDate('2010-12-01 08:26:00')!).toISOString()).toBe('2010-12-01T08:26:00.000Z');
    expect(new Date(parseInvoiceDate('2011-06-15 23:59:59')!).toISOString()).toBe('2011-06-15T23:59:59.000Z');
  });

  it('refuses impossible dates and other formats', () => {
    expect(parseInvoiceDate('2011-02-30 10:00:00')).toBeUndefined();
    expect(parseInvoiceDate('2010-13-01 08:45:00')).toBeUndefined();
    expect(parseInvoiceDate('2010-12-01 24:00:00')).toBeUndefined();
    expect(parseInvoiceDate('12/1/2010 8:26')).toBeUndefined();
    expect(parseInvoiceDate('')).toBeUndefined();
  });
});

describe('parseQuantity and parseUnitPrice', () => {
  it('takes whole numbers only', () => {
    expect(parseQuantity('6')).toBe(6);
    expect(parseQuantity('-12')).toBe(-12);
    expect(parseQuantity('1.5')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });

  it('normalises prices as decimal strings without float arithmetic', () => {
    expect(parseUnitPrice('0.10')).toEqual({ ok: true, value: '0.1' });
    expect(parseUnitPrice('2.550')).toEqual({ ok: true, value: '2.55' });
    expect(parseUnitPrice('0')).toEqual({ ok: true, value: '0' });
    expect(parseUnitPrice('0.001')).toEqual({ ok: true, value: '0.001' });
    expect(parseUnitPrice('-11062.06')).toEqual({ ok: false, negative: true });
    expect(parseUnitPrice('3.7.5')).toEqual({ ok: false, negative: false });
    expect(parseUnitPrice('1.23456')).toEqual({ ok: false, negative: false });
  });
});

describe('parseRow', () => {
  it('reads an order line', () => {
    expect(parseRow(row())).toEqual({
      ok: true,
      row: {
        invoiceNo: '536365',
        cancellation: false,
        customerId: '17850',
        country: 'United Kingdom',
        stockCode: '85123A',
        quantity: 6,
        unitPrice: '2.55',
        occurredAt: Date.parse('2010-12-01T08:26:00Z'),
      },
    });
  });

  it('reads a cancellation line with |Quantity|', () => {
    const parsed = parseRow(row({ InvoiceNo: 'C536379', Quantity: '-3', UnitPrice: '0.10' }));
    expect(parsed).toMatchObject({ ok: true, row: { cancellation: true, quantity: 3, unitPrice: '0.1' } });
  });

  it('names the reason of each skipped row', () => {
    expect(parseRow(row({ CustomerID: '' }))).toEqual({ ok: false, reason: SkipReason.MISSING_CUSTOMER, invoiceNo: '536365' });
    expect(parseRow(row({ Quantity: '-3' }))).toMatchObject({ ok: false, reason: SkipReason.NON_POSITIVE_QUANTITY, customerId: '17850' });
    expect(parseRow(row({ Quantity: '0' }))).toMatchObject({ ok: false, reason: SkipReason.NON_POSITIVE_QUANTITY });
    expect(parseRow(row({ InvoiceNo: 'C1', Quantity: '0' }))).toMatchObject({ ok: false, reason: SkipReason.ZERO_CANCELLED_QUANTITY });
    expect(parseRow(row({ Quantity: '2000000' }))).toMatchObject({ ok: false, reason: SkipReason.QUANTITY_TOO_LARGE });
    expect(parseRow(row({ UnitPrice: '-1' }))).toMatchObject({ ok: false, reason: SkipReason.NEGATIVE_PRICE });
    expect(parseRow(row({ UnitPrice: 'x' }))).toMatchObject({ ok: false, reason: SkipReason.MALFORMED_PRICE });
    expect(parseRow(row({ InvoiceDate: '2010-12-32 00:00:00' }))).toMatchObject({ ok: false, reason: SkipReason.MALFORMED_DATE });
    expect(parseRow(row({ Quantity: 'six' }))).toMatchObject({ ok: false, reason: SkipReason.MALFORMED_QUANTITY });
    expect(parseRow(row({ CustomerID: '1.5' }))).toMatchObject({ ok: false, reason: SkipReason.MALFORMED_CUSTOMER });
    expect(parseRow(row({ StockCode: ' ' }))).toMatchObject({ ok: false, reason: SkipReason.MISSING_STOCK_CODE });
    expect(parseRow(row({ InvoiceNo: '' }))).toMatchObject({ ok: false, reason: SkipReason.MISSING_INVOICE });
  });

  it('keeps a zero price (a free item)', () => {
    expect(parseRow(row({ UnitPrice: '0.00' }))).toMatchObject({ ok: true, row: { unitPrice: '0' } });
  });
});
