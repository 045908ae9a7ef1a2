import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** recordEvents takes at most 5,000 events a call (profile schema). */
export const MAX_EVENTS_PER_CALL = 5_000;
/** upsertCustomers takes at most 10,000 customers a call (profile schema). */
export const CUSTOMERS_PER_CALL = 10_000;
/**
 * The JSON body limit of every Rekindle HTTP process (createHttpApp's `jsonBodyLimit`, '10mb' in
 * body-parser's units: 10 × 1024 × 1024 bytes), gateway and subgraphs alike.
 */
export const SERVER_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
/** Room left under the server limit for the query text and the JSON around the events. */
const BODY_HEADROOM_BYTES = 64 * 1024;

/** The repository root: the nearest folder above this file holding nx.json. */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../../..');
  }
}

/** `../shared/data/online-retail/online-retail.csv.gz` from the repository root (CI clones shared/ beside it). */
export const defaultDataFile = () => resolve(findRepoRoot(), '..', 'shared', 'data', 'online-retail', 'online-retail.csv.gz');
export const DEFAULT_URL = 'http://localhost:4000/graphql';

const count = (min: number, max: number) => z.coerce.number().int('must be a whole number').min(min).max(max);

/** Everything the importer can be told; each has a default but the URL and file are worth giving. */
export const importOptionsSchema = z.object({
  /** The gzipped (or plain) CSV. */
  file: z.string().min(1).default(defaultDataFile),
  /** GraphQL endpoint serving the profile mutations: the gateway, or the profile subgraph itself. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(DEFAULT_URL),
  /** Read at most this many data rows (the rest of the file is left unread). */
  limit: count(1, Number.MAX_SAFE_INTEGER).optional(),
  /** Events per recordEvents call. */
  batchSize: count(1, MAX_EVENTS_PER_CALL).default(2_000),
  /** recordEvents calls in flight at once. */
  concurrency: count(1, 16).default(2),
  /** Bound on the JSON of one batch's events, under the servers' body limit. */
  maxBatchBytes: count(1_024, SERVER_BODY_LIMIT_BYTES - BODY_HEADROOM_BYTES).default(8 * 1024 * 1024),
  /** Retries of a failed HTTP call (network error, 5xx, 429, transient GraphQL error), with backoff. */
  retries: count(0, 10).default(4),
  /** First backoff; doubled on each retry. */
  retryDelayMs: count(0, 60_000).default(500),
  /** Bound on one HTTP call. */
  timeoutMs: count(1_000, 15 * 60_000).default(120_000),
  /** Run recomputeProfiles and read dormancyOverview at the end. */
  recompute: z.boolean().default(true),
  /** Extra HTTP headers on every call (e.g. authorization). */
  headers: z.record(z.string(), z.string()).default({}),
});

export type ImportOptions = z.output<typeof importOptionsSchema>;
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

/** Validates options given in code (the local runner); throws an Error naming each bad option. */
export function resolveImportOptions(input: ImportOptionsInput = {}): ImportOptions {
  const parsed = importOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ImportConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`));
  }
  return parsed.data;
}

export class ImportConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid import options: ${problems.join('; ')}`);
    this.name = 'ImportConfigError';
  }
}

export const USAGE = `Usage: npx tsx tools/import-online-retail/src/import-cli.ts [options]

Imports the UCI Online Retail transactions through the profile mutations (upsertCustomers,
recordEvents), then runs recomputeProfiles and prints dormancyOverview. Safe to run again.

  --file <path>          CSV(.gz) to read (default ../shared/data/online-retail/online-retail.csv.gz
                         from the repository root)
  --url <url>            GraphQL endpoint (default ${DEFAULT_URL}, the gateway)
  --limit <rows>         read at most this many data rows
  --batch-size <n>       events per recordEvents call, 1-${MAX_EVENTS_PER_CALL} (default 2000)
  --concurrency <n>      recordEvents calls in flight (default 2)
  --max-batch-bytes <n>  bound on one batch's JSON (default 8 MiB; server limit 10 MiB)
  --retries <n>          retries of a failed call, with backoff (default 4)
  --timeout-ms <n>       bound on one HTTP call (default 120000)
  --no-recompute         skip recomputeProfiles / dormancyOverview
  --help                 this text`;

export type CliCommand = { help: true } | { help: false; options: ImportOptions };

/** Reads the command line (`process.argv.slice(2)`) into validated options. */
export function parseImportArgs(argv: readonly string[]): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        file: { type: 'string' },
        url: { type: 'string' },
        limit: { type: 'string' },
        'batch-size': { type: 'string' },
        concurrency: { type: 'string' },
        'max-batch-bytes': { type: 'string' },
        retries: { type: 'string' },
        'timeout-ms': { type: 'string' },
        'no-recompute': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new ImportConfigError([(error as Error).message]);
  }
  if (values['help']) return { help: true };
  const input: Record<string, unknown> = {
    file: values['file'] === undefined ? undefined : resolve(values['file'] as string),
    url: values['url'],
    limit: values['limit'],
    batchSize: values['batch-size'],
    concurrency: values['concurrency'],
    maxBatchBytes: values['max-batch-bytes'],
    retries: values['retries'],
    timeoutMs: values['timeout-ms'],
    recompute: values['no-recompute'] ? false : undefined,
  };
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return { help: false, options: resolveImportOptions(defined as ImportOptionsInput) };
}
