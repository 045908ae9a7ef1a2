/**
 * A cache of what is compiled per key (a parsed operation), compiled at the key's second use: a
 * document sent once, as a flood of distinct queries would be, never pays for a compile. Keys are
 * held weakly, so a document Apollo's document store drops takes its compiled form with it.
 */
export function compileOnRepeat<K extends object, A extends unknown[], V>(compile: (key: K, ...args: A) => V): (key: K, ...args: A) => V | undefined {
  const compiled = new WeakMap<K, { value: V } | 'seen once'>();
  return (key, ...args) => {
    const entry = compiled.get(key);
    if (entry === undefined) {
      compiled.set(key, 'seen once');
      return undefined;
    }
    if (entry !== 'seen once') return entry.value;
    const value = compile(key, ...args);
    compiled.set(key, { value });
    return value;
  };
}
