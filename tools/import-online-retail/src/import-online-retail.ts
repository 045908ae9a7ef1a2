import { invoiceToEvent } from './build-events';
import { createGraphQLCaller } from './graphql-caller';
import { InvoiceGrouper, type GroupedImport } from './group-invoices';
import { CUSTOMERS_PER_CALL, resolveImportOptions, type ImportOptionsInput } from './import-config';
import { planBatches } from './plan-batches';
import { ProfileApi, type DormancyOverview, type RecomputeProfilesResult } from './profile-api';
import { formatCount, Progress, ratePerSecond } from './progress';
import { readOnlineRetailRows } from './read-rows';
import { emptyOutcome, sendEventBatches, type SendOutcome } from './send-events';

export interface ImportSummary {
  file: string;
  url: string;
  rowsRead: number;
  /** Rows left out, by reason; every row read is either sent or counted here. */
  rowsSkipped: Record<string, number>;
  rowsSkippedTotal: number;
  /** Invoices left out whole, by reason. */
  invoicesSkipped: Record<string, number>;
  /** The first few CSV records that could not be read. */
  csvProblems: string[];
  invoices: { orders: number; cancellations: number; orderLines: number; cancelledLines: number };
  customers: { seen: number; created: number; updated: number; unchanged: number };
  events: SendOutcome;
  recompute?: RecomputeProfilesResult;
  overview?: DormancyOverview;
  /** Calls that failed after retries, in the order they failed. */
  failures: string[];
  readSeconds: number;
  elapsedSeconds: number;
  /** False when any event was rejected or any call failed: the CLI exits non-zero. */
  ok: boolean;
}

export interface ImportDeps {
  /** Progress and retry notes (the CLI: stderr). Silent when omitted. */
  log?: (line: string) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  progressIntervalMs?: number;
}

/** Reads and groups the whole file (customers must be upserted before any event, with their first row's country). */
export async function readAndGroup(file: string, limit: number | undefined, progress?: Progress): Promise<GroupedImport> {
  const grouper = new InvoiceGrouper();
  for await (const record of readOnlineRetailRows(file, limit)) {
    grouper.add(record);
    if (progress && grouper.rows % 1_000 === 0) {
      progress.tick(() => `read ${formatCount(grouper.rows)} rows, ${formatCount(grouper.invoiceCount)} invoices`);
    }
  }
  return grouper.finish();
}

/**
 * Imports the UCI Online Retail data through the profile partner mutations: every customer seen
 * (upsertCustomers, region = country of their first row), then one event per invoice (recordEvents,
 * idempotent by eventId), then recomputeProfiles and dormancyOverview. Running it again changes
 * nothing: customers come back unchanged and events as duplicates.
 */
export async function importOnlineRetail(input: ImportOptionsInput = {}, deps: ImportDeps = {}): Promise<ImportSummary> {
  const options = resolveImportOptions(input);
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => undefined);
  const progress = new Progress({ write: log, intervalMs: deps.progressIntervalMs, now });
  const started = now();

  const grouped = await readAndGroup(options.file, options.limit, progress);
  const readSeconds = (now() - started) / 1000;
  const orders = grouped.invoices.filter((i) => !i.cancellation);
  const rowsSkippedTotal = Object.values(grouped.rowsSkipped).reduce((a, b) => a + b, 0);
  progress.done(
    `read ${formatCount(grouped.rowsRead)} rows in ${readSeconds.toFixed(1)} s: ${formatCount(grouped.invoices.length)} invoices to send, ` +
      `${formatCount(grouped.customers.length)} customers, ${formatCount(rowsSkippedTotal)} rows skipped`,
  );

  const call = createGraphQLCaller({
    url: options.url,
    retries: options.retries,
    retryDelayMs: options.retryDelayMs,
    timeoutMs: options.timeoutMs,
    headers: options.headers,
    fetch: deps.fetch,
    sleep: deps.sleep,
    onRetry: ({ operation, attempt, delayMs, error }) => log(`${operation}: attempt ${attempt} failed (${error}); retrying in ${delayMs} ms`),
  });
  const api = new ProfileApi(call);
  const failures: string[] = [];

  const customers = { seen: grouped.customers.length, created: 0, updated: 0, unchanged: 0 };
  try {
    for (let i = 0; i < grouped.customers.length; i += CUSTOMERS_PER_CALL) {
      const result = await api.upsertCustomers(grouped.customers.slice(i, i + CUSTOMERS_PER_CALL));
      customers.created += result.created;
      customers.updated += result.updated;
      customers.unchanged += result.unchanged;
    }
  } catch (error) {
    failures.push((error as Error).message);
  }

  const events = grouped.invoices.map(invoiceToEvent);
  let outcome = emptyOutcome();
  if (failures.length === 0 && events.length > 0) {
    // Customers are in place; an event would otherwise create its customer without a region.
    const lanes = planBatches(events, { batchSize: options.batchSize, maxBatchBytes: options.maxBatchBytes, lanes: options.concurrency });
    const total = formatCount(events.length);
    outcome = await sendEventBatches(lanes, {
      recordEvents: (batch) => api.recordEvents(batch),
      now,
      onBatch: (o) =>
        progress.tick(
          () => `sent ${formatCount(o.sent)}/${total} invoices (${formatCount(ratePerSecond(o.sent, o.elapsedMs))} events/s): ` +
            `${formatCount(o.accepted)} accepted, ${formatCount(o.duplicates)} duplicates, ${formatCount(o.rejected)} rejected`,
        ),
    });
    failures.push(...outcome.failures);
    progress.done(
      `sent ${formatCount(outcome.sent)}/${total} events in ${outcome.calls} calls, ${(outcome.elapsedMs / 1000).toFixed(1)} s ` +
        `(${formatCount(ratePerSecond(outcome.sent, outcome.elapsedMs))} events/s)`,
    );
  } else if (failures.length > 0) {
    outcome.unsent = events.length;
  }

  let recompute: RecomputeProfilesResult | undefined;
  let overview: DormancyOverview | undefined;
  if (options.recompute && failures.length === 0) {
    try {
      recompute = await api.recomputeProfiles();
      overview = await api.dormancyOverview();
    } catch (error) {
      failures.push((error as Error).message);
    }
  }

  return {
    file: options.file,
    url: options.url,
    rowsRead: grouped.rowsRead,
    rowsSkipped: grouped.rowsSkipped,
    rowsSkippedTotal,
    invoicesSkipped: grouped.invoicesSkipped,
    csvProblems: grouped.csvProblems,
    invoices: {
      orders: orders.length,
      cancellations: grouped.invoices.length - orders.length,
      orderLines: orders.reduce((n, i) => n + i.lines.length, 0),
      cancelledLines: grouped.invoices.reduce((n, i) => n + (i.cancellation ? i.lines.length : 0), 0),
    },
    customers,
    events: outcome,
    recompute,
    overview,
    failures,
    readSeconds,
    elapsedSeconds: (now() - started) / 1000,
    ok: failures.length === 0 && outcome.rejected === 0,
  };
}
