interface Entry {
  json: string;
  expiresAt: number;
}

/**
 * A bounded in-memory TTL store of JSON strings: what the cache falls back to without Redis.
 * Evicts the least recently written entry when full; expired entries are dropped when read.
 */
export class MemoryStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.json;
  }

  set(key: string, json: string, ttlSeconds: number): void {
    this.entries.delete(key);
    this.entries.set(key, { json, expiresAt: this.now() + ttlSeconds * 1000 });
    // Maps iterate in insertion order, so the first key is the oldest write.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  deleteByPrefix(prefix: string): number {
    let deleted = 0;
    for (const key of this.entries.keys()) {
      if (key.startsWith(prefix) && this.entries.delete(key)) deleted++;
    }
    return deleted;
  }

  get size(): number {
    return this.entries.size;
  }
}
