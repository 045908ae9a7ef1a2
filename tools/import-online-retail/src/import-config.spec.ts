import { join } from 'node:path';
import { defaultDataFile, findRepoRoot, ImportConfigError, parseImportArgs } from './import-config';

describe('import settings', () => {
  it('defaults to the shared data file beside the repository and the gateway', () => {
    const root = findRepoRoot();
    expect(root).toBe(join(__dirname, '../../..'));
    expect(defaultDataFile()).toBe(join(root, '..', 'shared', 'data', 'online-retail', 'online-retail.csv.gz'));
    const command = parseImportArgs([]);
    expect(command).toMatchObject({
      help: false,
      options: { file: defaultDataFile(), url: 'http://localhost:4000/graphql', batchSize: 2_000, concurrency: 2, recompute: true },
    });
    expect(command.help === false && command.options.limit).toBeUndefined();
  });

  it('reads the flags', () => {
    const command = parseImportArgs(['--file', 'x.csv.gz', '--url', 'http://127.0.0.1:4001/graphql', '--limit', '20000', '--batch-size', '5000', '--no-recompute']);
    expect(command).toMatchObject({
      help: false,
      options: { file: join(process.cwd(), 'x.csv.gz'), url: 'http://127.0.0.1:4001/graphql', limit: 20_000, batchSize: 5_000, recompute: false },
    });
  });

  it('refuses a batch above 5,000 events, a bad URL and unknown flags', () => {
    expect(() => parseImportArgs(['--batch-size', '5001'])).toThrow(ImportConfigError);
    expect(() => parseImportArgs(['--url', 'ftp://x'])).toThrow(/url/);
    expect(() => parseImportArgs(['--limit', '-1'])).toThrow(/limit/);
    expect(() => parseImportArgs(['--max-batch-bytes', String(10 * 1024 * 1024)])).toThrow(/maxBatchBytes/);
    expect(() => parseImportArgs(['--bogus'])).toThrow(ImportConfigError);
    expect(parseImportArgs(['--help'])).toEqual({ help: true });
  });
});
