import { replaceMarkedBlock } from './marked-block';

describe('replaceMarkedBlock', () => {
  it('replaces the lines between the markers and keeps the markers as written', () => {
    const text = 'intro\n<!-- table:start (generated) -->\nold\nrows\n<!-- table:end -->\nafter\n';
    expect(replaceMarkedBlock(text, 'table', 'new', 'README.md')).toBe('intro\n<!-- table:start (generated) -->\nnew\n<!-- table:end -->\nafter\n');
  });

  it.each([
    ['a missing end', 'a\n# list:start\nb\n', 'README.md must have exactly one line marking "list:end", found 0'],
    ['a doubled start', '# list:start\n# list:start\n# list:end\n', 'exactly one line marking "list:start", found 2'],
    ['markers the wrong way round', '# list:end\n# list:start\n', '"list:end" comes before "list:start"'],
  ])('refuses %s', (_case, text, message) => {
    expect(() => replaceMarkedBlock(text, 'list', 'x', 'README.md')).toThrow(message);
  });
});
