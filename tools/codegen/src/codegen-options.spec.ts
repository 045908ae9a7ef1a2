import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCodegenOptions } from './codegen-options';

describe('readCodegenOptions', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'codegen-options-'));
    file = join(dir, 'codegen.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is empty when the app has no codegen.json', () => {
    expect(readCodegenOptions(file)).toEqual({});
  });

  it('reads the context type and mappers', () => {
    const options = { contextType: '../context#ProfileContext', mappers: { Customer: '../data/customer.model#CustomerModel' } };
    writeFileSync(file, JSON.stringify(options));
    expect(readCodegenOptions(file)).toEqual(options);
  });

  it('names every problem in the file', () => {
    writeFileSync(file, JSON.stringify({ contextType: '../context', mappers: { Customer: 1 }, scalars: {} }));
    const read = () => readCodegenOptions(file);
    expect(read).toThrow(/contextType: must be "<module path>#<TypeName>"/);
    expect(read).toThrow(/mappers\.Customer: /);
    expect(read).toThrow(/scalars/);
  });

  it('says when the file is not JSON', () => {
    writeFileSync(file, '{ contextType: ');
    expect(() => readCodegenOptions(file)).toThrow(`${file}: not valid JSON`);
  });
});
