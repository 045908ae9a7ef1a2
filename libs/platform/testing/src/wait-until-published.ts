import type { DataSource } from '@rekindle/platform-database';
import { waitFor } from './wait-for';

const unpublished = async (dataSource: DataSource): Promise<number> =>
  ((await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')) as { n: number }[])[0]?.n ?? 0;

/** Waits until a service's outbox has been published in full. */
export async function waitUntilPublished(dataSource: DataSource, timeoutMs = 10_000): Promise<void> {
  await waitFor(async () => (await unpublished(dataSource)) === 0, {
    timeoutMs,
    describe: async () => `outbox published (${await unpublished(dataSource)} rows pending)`,
  });
}
