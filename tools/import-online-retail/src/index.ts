/**
 * The UCI Online Retail importer: streams the CSV, groups rows into invoices, and loads them through
 * the profile partner mutations (upsertCustomers, recordEvents, recomputeProfiles). The CLI is
 * import-cli.ts; the local runner calls `importOnlineRetail` for its demo-data step.
 */
export { importOnlineRetail, readAndGroup, type ImportSummary, type ImportDeps } from './import-online-retail';
export { formatSummary } from './format-summary';
export {
  importOptionsSchema,
  resolveImportOptions,
  parseImportArgs,
  defaultDataFile,
  findRepoRoot,
  ImportConfigError,
  DEFAULT_URL,
  MAX_EVENTS_PER_CALL,
  CUSTOMERS_PER_CALL,
  SERVER_BODY_LIMIT_BYTES,
  USAGE,
  type ImportOptions,
  type ImportOptionsInput,
} from './import-config';
export { readOnlineRetailRows, CsvHeaderError, type CsvRecord } from './read-rows';
export {
  parseRow,
  parseCustomerId,
  parseInvoiceDate,
  parseQuantity,
  parseUnitPrice,
  isCancellation,
  SkipReason,
  ONLINE_RETAIL_COLUMNS,
  type RawRow,
  type InvoiceRow,
} from './parse-row';
export { InvoiceGrouper, MAX_ORDER_LINES, type Invoice, type InvoiceLine, type CustomerSeen, type GroupedImport } from './group-invoices';
export { invoiceToEvent, eventIdOf, CURRENCY, type ImportEventInput } from './build-events';
export { planBatches, laneOf, type EventBatch } from './plan-batches';
export { createGraphQLCaller, GraphQLCallError, type GraphQLCaller } from './graphql-caller';
export { ProfileApi, type DormancyOverview, type RecomputeProfilesResult, type RecordEventsResult } from './profile-api';
export { sendEventBatches, type SendOutcome } from './send-events';
