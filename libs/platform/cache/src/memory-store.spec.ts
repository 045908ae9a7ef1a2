import { MemoryStore } from './memory-store';

describe('MemoryStore', () => {
  it('forgets an entry once its TTL has passed', () => {
    let now = 1_000;
    const store = new MemoryStore(10, () => now);
    store.set('a', '"x"', 2);
    now += 1_999;
    expect(store.get('a')).toBe('"x"');
    now += 1;
    expect(store.get('a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('holds at most maxEntries, evicting the oldest write first', () => {
    const store = new MemoryStore(2);
    store.set('a', '1', 60);
    store.set('b', '2', 60);
    store.set('a', '3', 60);
    store.set('c', '4', 60);
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual(['3', undefined, '4']);
    expect(store.size).toBe(2);
  });

  it('deletes one key or every key under a prefix', () => {
    const store = new MemoryStore(10);
    for (const key of ['seg:1:count', 'seg:1:members', 'seg:10:count', 'tag:1']) store.set(key, '0', 60);
    expect(store.delete('tag:1')).toBe(true);
    expect(store.deleteByPrefix('seg:1:')).toBe(2);
    expect(store.get('seg:10:count')).toBe('0');
  });
});
