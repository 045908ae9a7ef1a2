import { compileOnRepeat } from './compile-on-repeat';

describe('compileOnRepeat', () => {
  it('compiles a key at its second use, once, and answers nothing the first time', () => {
    const compile = jest.fn((key: { name: string }, suffix: string) => `${key.name}${suffix}`);
    const compiled = compileOnRepeat(compile);
    const key = { name: 'op' };
    expect(compiled(key, '!')).toBeUndefined();
    expect(compile).not.toHaveBeenCalled();
    expect(compiled(key, '!')).toBe('op!');
    expect(compiled(key, '?')).toBe('op!');
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('keeps keys apart: another key starts again from its first use', () => {
    const compiled = compileOnRepeat((key: { name: string }) => key.name);
    compiled({ name: 'a' });
    expect(compiled({ name: 'a' })).toBeUndefined();
  });
});
