import { readFileSync, writeFileSync } from 'node:fs';
import { fixtureDir, MESSY_CSV } from './fixtures/fixture-files';
import { CsvHeaderError, readOnlineRetailRows, type CsvRecord } from './read-rows';

async function all(file: string, limit?: number): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readOnlineRetailRows(file, limit)) records.push(record);
  return records;
}

describe('readOnlineRetailRows', () => {
  const files = fixtureDir();
  afterAll(() => files.remove());

  it('reads the same records from the gzipped and the plain file, by column name', async () => {
    const gz = await all(files.messyGz());
    const plain = await all(MESSY_CSV);
    expect(gz).toEqual(plain);
    expect(gz).toHaveLength(20);
    expect(gz[4]).toEqual({
      ok: true,
      row: {
        InvoiceNo: '536367',
        StockCode: '84879',
        Description: 'ASSORTED COLOUR BIRD ORNAMENT, "LARGE"',
        Quantity: '32',
        InvoiceDate: '2010-12-01 08:34:00',
        UnitPrice: '1.690',
        CustomerID: '13047.0',
        Country: 'United Kingdom',
      },
    });
  });

  it('finds columns by name whatever their order', async () => {
    const file = files.write('reordered.csv', 'Country,CustomerID,UnitPrice,InvoiceDate,Quantity,Description,StockCode,InvoiceNo\nFrance,12583.0,3.75,2010-12-01 08:45:00,24,CLOCK,22728,536370\n');
    expect(await all(file)).toEqual([
      {
        ok: true,
        row: { InvoiceNo: '536370', StockCode: '22728', Description: 'CLOCK', Quantity: '24', InvoiceDate: '2010-12-01 08:45:00', UnitPrice: '3.75', CustomerID: '12583.0', Country: 'France' },
      },
    ]);
  });

  it('stops reading at the limit', async () => {
    expect(await all(files.messyGz(), 3)).toHaveLength(3);
  });

  it('fails fast on a header without the expected columns', async () => {
    const file = files.write('bad-header.csv.gz', 'a,b,c\n1,2,3\n');
    await expect(all(file)).rejects.toThrow(CsvHeaderError);
  });

  it('fails on a truncated gzip instead of importing half a file quietly', async () => {
    const whole = readFileSync(files.messyGz());
    const file = files.write('truncated.csv.gz', '');
    writeFileSync(file, whole.subarray(0, whole.length - 30));
    await expect(all(file)).rejects.toThrow(/unexpected end of file/);
  });

  it('fails on a missing file', async () => {
    await expect(all(`${files.dir}/nope.csv.gz`)).rejects.toThrow(/ENOENT/);
  });
});
