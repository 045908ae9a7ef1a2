import { createClient } from 'redis';

export interface RedisStoreOptions {
  url: string;
  /** Bound on each command, sent or not: node-redis's own `timeout` stops counting once a command is written. */
  commandTimeoutMs: number;
  onError(error: unknown): void;
  onReady(): void;
}

const SCAN_BATCH = 500;
const MAX_RECONNECT_DELAY_MS = 2_000;

// SCAN MATCH takes a glob: a literal prefix must have its glob characters escaped.
const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

/**
 * Redis through node-redis, failing fast: commands are refused while disconnected (no offline
 * queue) and abandoned after `commandTimeoutMs` (a hung server), while the client reconnects in
 * the background with a capped exponential backoff.
 */
export class RedisStore {
  private readonly client;

  constructor(private readonly options: RedisStoreOptions) {
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2_000,
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) + Math.floor(Math.random() * 100),
      },
    });
    this.client.on('error', options.onError);
    this.client.on('ready', options.onReady);
    // Resolves on the first successful connection; failures until then are reported through 'error'.
    this.client.connect().catch(options.onError);
  }

  /** Whether commands can be sent now; when not, callers skip Redis instead of waiting to be refused. */
  get isReady(): boolean {
    return this.client.isReady;
  }

  get(key: string): Promise<string | null> {
    return this.timed(this.client.get(key));
  }

  async set(key: string, json: string, ttlSeconds: number): Promise<void> {
    await this.timed(this.client.set(key, json, { expiration: { type: 'PX', value: Math.round(ttlSeconds * 1000) } }));
  }

  delete(key: string): Promise<number> {
    return this.timed(this.client.unlink(key));
  }

  /** SCAN for the prefix and UNLINK each batch: never KEYS, which blocks Redis on a large keyspace. */
  async deleteByPrefix(prefix: string): Promise<number> {
    let deleted = 0;
    let cursor = '0';
    do {
      const page = await this.timed(this.client.scan(cursor, { MATCH: `${escapeGlob(prefix)}*`, COUNT: SCAN_BATCH }));
      if (page.keys.length > 0) deleted += await this.timed(this.client.unlink(page.keys));
      cursor = page.cursor;
    } while (cursor !== '0');
    return deleted;
  }

  async ping(): Promise<void> {
    await this.timed(this.client.ping());
  }

  async close(): Promise<void> {
    // A close that timed out may still finish before the catch runs: destroy only what is still open.
    if (this.client.isReady) await this.timed(this.client.close()).catch(() => this.destroyIfOpen());
    else this.destroyIfOpen();
  }

  private destroyIfOpen(): void {
    if (this.client.isOpen) this.client.destroy();
  }

  private timed<T>(command: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis command timed out after ${this.options.commandTimeoutMs} ms`)), this.options.commandTimeoutMs);
    });
    // An abandoned command may still fail later; that is already reported as the timeout.
    command.catch(() => undefined);
    return Promise.race([command, timeout]).finally(() => clearTimeout(timer));
  }
}
