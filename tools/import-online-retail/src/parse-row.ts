import { parseMoney } from '@rekindle/util';

/** The columns of the Online Retail CSV, in file order. */
export const ONLINE_RETAIL_COLUMNS = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] as const;
export type OnlineRetailColumn = (typeof ONLINE_RETAIL_COLUMNS)[number];
export type RawRow = Record<OnlineRetailColumn, string>;

/** The profile service's bound on counts (libs/profile-core MAX_COUNT). */
export const MAX_QUANTITY = 1_000_000;

/** Why a row (or every row of an invoice) was left out. Each is counted and reported. */
export const SkipReason = {
  MISSING_CUSTOMER: 'no CustomerID (guest checkout)',
  MALFORMED_CUSTOMER: 'malformed CustomerID',
  MISSING_INVOICE: 'missing InvoiceNo',
  MISSING_STOCK_CODE: 'missing StockCode',
  MALFORMED_QUANTITY: 'malformed Quantity (not a whole number)',
  MALFORMED_DATE: 'malformed InvoiceDate',
  MALFORMED_PRICE: 'malformed UnitPrice',
  NEGATIVE_PRICE: 'negative UnitPrice',
  NON_POSITIVE_QUANTITY: 'Quantity <= 0 on an order invoice',
  ZERO_CANCELLED_QUANTITY: 'Quantity 0 on a cancellation invoice',
  QUANTITY_TOO_LARGE: `Quantity above ${MAX_QUANTITY.toLocaleString('en-GB')}`,
  BAD_CSV_RECORD: 'unreadable CSV record (quotes or column count)',
  TWO_CUSTOMERS: 'invoice names two or more customers',
  TOO_MANY_LINES: 'order invoice has more than 1,000 lines',
} as const;
export type SkipReason = (typeof SkipReason)[keyof typeof SkipReason];

/** One usable row: one line of an order, or of a cancellation. */
export interface InvoiceRow {
  invoiceNo: string;
  cancellation: boolean;
  customerId: string;
  country: string;
  stockCode: string;
  /** Positive; for a cancellation, |Quantity|. */
  quantity: number;
  /** Canonical decimal string ("2.55", "0", "1.5"). */
  unitPrice: string;
  /** Epoch milliseconds, the InvoiceDate read as UTC. */
  occurredAt: number;
}

export type RowParse =
  | { ok: true; row: InvoiceRow }
  /** `invoiceNo` / `customerId` when they could be read, for counting distinct invoices and customers. */
  | { ok: false; reason: SkipReason; invoiceNo?: string; customerId?: string; country?: string };

/** "17850.0" -> "17850"; "17850" stays; "" -> null; anything else -> undefined (malformed). */
export function parseCustomerId(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d+)(?:\.0*)?$/.exec(trimmed);
  return match ? match[1] : undefined;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2010-12-01 08:26:00" read as UTC -> epoch ms; undefined when malformed or not a real date. */
export function parseInvoiceDate(text: string): number | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2011-02-30 over to 2011-03-02: a real date reads back the same.
  const back = new Date(ms);
  const fields = [back.getUTCFullYear(), back.getUTCMonth() + 1, back.getUTCDate(), back.getUTCHours(), back.getUTCMinutes(), back.getUTCSeconds()];
  return fields.every((v, i) => v === [year, month, day, hour, minute, second][i]) ? ms : undefined;
}

/** "6" / "-12" -> the integer; undefined unless a whole number. */
export function parseQuantity(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[-+]?\d{1,15}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** A UnitPrice as a canonical decimal string, never through a float: "2.550" -> "2.55", "-1" -> negative. */
export function parseUnitPrice(text: string): { ok: true; value: string } | { ok: false; negative: boolean } {
  const trimmed = text.trim();
  if (/^-\d+(\.\d+)?$/.test(trimmed) && /[1-9]/.test(trimmed)) return { ok: false, negative: true };
  const parsed = parseMoney(trimmed);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, negative: false };
}

/** An invoice number starting with "C" is a cancellation. */
export const isCancellation = (invoiceNo: string) => invoiceNo.startsWith('C');

/**
 * Reads one CSV row. A row is skipped, with the first reason that applies, when it has no usable
 * customer, a field that does not parse, a negative price, or a quantity that cannot be an order
 * line (<= 0 on an order invoice, 0 on a cancellation).
 */
export function parseRow(raw: RawRow): RowParse {
  const invoiceNo = raw.InvoiceNo.trim();
  if (invoiceNo === '') return { ok: false, reason: SkipReason.MISSING_INVOICE };
  const customerId = parseCustomerId(raw.CustomerID);
  if (customerId === null) return { ok: false, reason: SkipReason.MISSING_CUSTOMER, invoiceNo };
  if (customerId === undefined) return { ok: false, reason: SkipReason.MALFORMED_CUSTOMER, invoiceNo };
  const seen = { invoiceNo, customerId, country: raw.Country.trim() };
  const stockCode = raw.StockCode.trim();
  if (stockCode === '') return { ok: false, reason: SkipReason.MISSING_STOCK_CODE, ...seen };
  const quantity = parseQuantity(raw.Quantity);
  if (quantity === undefined) return { ok: false, reason: SkipReason.MALFORMED_QUANTITY, ...seen };
  const occurredAt = parseInvoiceDate(raw.InvoiceDate);
  if (occurredAt === undefined) return { ok: false, reason: SkipReason.MALFORMED_DATE, ...seen };
  const price = parseUnitPrice(raw.UnitPrice);
  if (!price.ok) return { ok: false, reason: price.negative ? SkipReason.NEGATIVE_PRICE : SkipReason.MALFORMED_PRICE, ...seen };

  const cancellation = isCancellation(invoiceNo);
  if (!cancellation && quantity <= 0) return { ok: false, reason: SkipReason.NON_POSITIVE_QUANTITY, ...seen };
  if (cancellation && quantity === 0) return { ok: false, reason: SkipReason.ZERO_CANCELLED_QUANTITY, ...seen };
  if (Math.abs(quantity) > MAX_QUANTITY) return { ok: false, reason: SkipReason.QUANTITY_TOO_LARGE, ...seen };

  return {
    ok: true,
    row: { invoiceNo, cancellation, customerId, country: seen.country, stockCode, quantity: Math.abs(quantity), unitPrice: price.value, occurredAt },
  };
}
