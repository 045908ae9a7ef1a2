import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { ONLINE_RETAIL_COLUMNS, type RawRow } from './parse-row';

/** A data row, or a record the CSV parser could not read (counted, never silently dropped). */
export type CsvRecord = { ok: true; row: RawRow } | { ok: false; where: string; message: string };

export class CsvHeaderError extends Error {
  constructor(missing: string[]) {
    super(`The CSV header lacks the column(s) ${missing.join(', ')}; expected ${ONLINE_RETAIL_COLUMNS.join(',')}`);
    this.name = 'CsvHeaderError';
  }
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Where each of the columns we read sits in the file's header. */
function columnIndex(header: readonly string[]): number[] {
  const names = header.map((h) => h.trim());
  const missing = ONLINE_RETAIL_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new CsvHeaderError(missing);
  return ONLINE_RETAIL_COLUMNS.map((c) => names.indexOf(c));
}

function toRow(record: readonly string[], index: readonly number[]): RawRow {
  const row = {} as RawRow;
  ONLINE_RETAIL_COLUMNS.forEach((column, i) => {
    row[column] = record[index[i] ?? -1] ?? '';
  });
  return row;
}

/**
 * Streams the Online Retail CSV (gzipped or plain, told apart by its magic bytes): gunzip, then
 * csv-parse, one record at a time. Columns are found by name in the header. A record csv-parse
 * cannot read (a broken quote, a wrong column count) is yielded as a problem, not thrown. Stops
 * after `limit` data records, leaving the rest of the file unread.
 */
export async function* readOnlineRetailRows(file: string, limit = Number.POSITIVE_INFINITY): AsyncGenerator<CsvRecord> {
  if (limit <= 0) return;
  const gzipped = await isGzip(file);
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, skip_records_with_error: true });
  const problems: CsvRecord[] = [];
  parser.on('skip', (error: Error & { lines?: number }) => problems.push({ ok: false, where: `line ${error.lines ?? '?'}`, message: error.message }));
  const file$ = createReadStream(file);
  const source = file$.pipe(gzipped ? createGunzip() : new PassThrough());
  const done = pipeline(source, parser).then(
    () => undefined,
    (error: unknown) => error,
  );

  let index: number[] | undefined;
  let width = 0;
  let count = 0;
  let cutShort = true;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!index) {
        index = columnIndex(record);
        width = record.length;
        continue;
      }
      for (let problem = problems.shift(); problem && count < limit; problem = problems.shift()) {
        count += 1;
        yield problem;
      }
      if (count >= limit) break;
      count += 1;
      yield record.length === width ? { ok: true, row: toRow(record, index) } : { ok: false, where: `data record ${count}`, message: `has ${record.length} fields, the header ${width}` };
      if (count >= limit) break;
    }
    for (let problem = problems.shift(); problem && count < limit; problem = problems.shift()) {
      count += 1;
      yield problem;
    }
    cutShort = !parser.readableEnded;
  } finally {
    // Stopped early (by the limit, the consumer, or an error already on its way up): the
    // pipeline's complaint about being cut short is noise.
    if (cutShort) {
      parser.destroy();
      source.destroy();
      file$.destroy();
    }
  }
  const error = await done;
  if (error && !cutShort) throw error;
}
