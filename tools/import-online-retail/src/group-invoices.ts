import type { CsvRecord } from './read-rows';
import { parseRow, SkipReason } from './parse-row';

/** The profile service's bound on the lines of one order (libs/profile-core MAX_ORDER_LINES). */
export const MAX_ORDER_LINES = 1_000;

export interface InvoiceLine {
  productId: string;
  /** Positive (|Quantity| on a cancellation). */
  quantity: number;
  /** Canonical decimal string. */
  unitPrice: string;
}

/** The usable rows of one invoice, gathered wherever they are in the file. */
export interface Invoice {
  invoiceNo: string;
  cancellation: boolean;
  customerId: string;
  /** Epoch ms of the invoice's earliest row (a few invoices straddle a minute). */
  occurredAt: number;
  /** Position of its first usable row in the file: orders events of the same time stably. */
  firstRow: number;
  lines: InvoiceLine[];
}

export interface CustomerSeen {
  externalId: string;
  /** Country of the customer's first row; absent when that row has none. */
  region?: string;
}

export interface GroupedImport {
  rowsRead: number;
  /** Rows left out, by reason (every row read is either in an invoice below or counted here). */
  rowsSkipped: Record<string, number>;
  /** Invoices left out entirely, by reason (guest invoices among them). */
  invoicesSkipped: Record<string, number>;
  /** Invoices to send, in time order. */
  invoices: Invoice[];
  /** Every customer seen on a row, in order of first appearance. */
  customers: CustomerSeen[];
  /** The first few CSV records that could not be read, with where they were. */
  csvProblems: string[];
}

const MAX_PROBLEMS_KEPT = 5;

interface OpenInvoice extends Invoice {
  otherCustomer: boolean;
}

/**
 * Groups rows into invoices with a Map (rows of one invoice need not be adjacent) and counts every
 * row it leaves out with its reason. An invoice whose rows name two customers, or an order with more
 * lines than the profile service takes, is left out whole.
 */
export class InvoiceGrouper {
  private readonly invoices = new Map<string, OpenInvoice>();
  private readonly customers = new Map<string, string>();
  private readonly rowsSkipped = new Map<string, number>();
  private readonly invoiceSkips = new Map<string, Set<string>>();
  private readonly csvProblems: string[] = [];
  private rowsRead = 0;

  get rows(): number {
    return this.rowsRead;
  }

  get invoiceCount(): number {
    return this.invoices.size;
  }

  add(record: CsvRecord): void {
    const rowNumber = this.rowsRead;
    this.rowsRead += 1;
    if (!record.ok) {
      this.skipRows(SkipReason.BAD_CSV_RECORD, 1);
      if (this.csvProblems.length < MAX_PROBLEMS_KEPT) this.csvProblems.push(`${record.where}: ${record.message}`);
      return;
    }
    const parsed = parseRow(record.row);
    const customerId = parsed.ok ? parsed.row.customerId : parsed.customerId;
    if (customerId !== undefined && !this.customers.has(customerId)) {
      this.customers.set(customerId, parsed.ok ? parsed.row.country : (parsed.country ?? ''));
    }
    if (!parsed.ok) {
      this.skipRows(parsed.reason, 1);
      if (parsed.reason === SkipReason.MISSING_CUSTOMER && parsed.invoiceNo) this.skipInvoice(parsed.reason, parsed.invoiceNo);
      return;
    }
    const { row } = parsed;
    const line: InvoiceLine = { productId: row.stockCode, quantity: row.quantity, unitPrice: row.unitPrice };
    const invoice = this.invoices.get(row.invoiceNo);
    if (!invoice) {
      this.invoices.set(row.invoiceNo, {
        invoiceNo: row.invoiceNo,
        cancellation: row.cancellation,
        customerId: row.customerId,
        occurredAt: row.occurredAt,
        firstRow: rowNumber,
        lines: [line],
        otherCustomer: false,
      });
      return;
    }
    invoice.lines.push(line);
    if (row.occurredAt < invoice.occurredAt) invoice.occurredAt = row.occurredAt;
    if (row.customerId !== invoice.customerId) invoice.otherCustomer = true;
  }

  finish(): GroupedImport {
    const kept: Invoice[] = [];
    for (const { otherCustomer, ...invoice } of this.invoices.values()) {
      const reason = otherCustomer
        ? SkipReason.TWO_CUSTOMERS
        : !invoice.cancellation && invoice.lines.length > MAX_ORDER_LINES
          ? SkipReason.TOO_MANY_LINES
          : undefined;
      if (reason) {
        this.skipRows(reason, invoice.lines.length);
        this.skipInvoice(reason, invoice.invoiceNo);
      } else {
        kept.push(invoice);
      }
    }
    kept.sort((a, b) => a.occurredAt - b.occurredAt || a.firstRow - b.firstRow);
    return {
      rowsRead: this.rowsRead,
      rowsSkipped: Object.fromEntries(this.rowsSkipped),
      invoicesSkipped: Object.fromEntries([...this.invoiceSkips].map(([reason, ids]) => [reason, ids.size])),
      invoices: kept,
      customers: [...this.customers].map(([externalId, country]) => (country ? { externalId, region: country } : { externalId })),
      csvProblems: [...this.csvProblems],
    };
  }

  private skipRows(reason: string, rows: number): void {
    this.rowsSkipped.set(reason, (this.rowsSkipped.get(reason) ?? 0) + rows);
  }

  private skipInvoice(reason: string, invoiceNo: string): void {
    let ids = this.invoiceSkips.get(reason);
    if (!ids) this.invoiceSkips.set(reason, (ids = new Set()));
    ids.add(invoiceNo);
  }
}
