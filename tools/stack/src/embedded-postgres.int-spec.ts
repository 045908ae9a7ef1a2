import { Client } from 'pg';
import { ensureDatabase } from './ensure-database';
import { probePostgres } from './probe-postgres';
import { resolvePostgres } from './resolve-postgres';
import { createStateDir, deadUrls, testContext } from './stack-test-context';

describe('PostgreSQL when nothing answers', () => {
  let stateDir: Awaited<ReturnType<typeof createStateDir>>;
  beforeAll(async () => {
    stateDir = await createStateDir();
  });
  afterAll(() => stateDir.remove());

  it('starts an embedded server, keeps its data and password between runs, and stops it', async () => {
    const first = testContext(stateDir.path, { usual: await deadUrls() });
    const firstUrl = await resolvePostgres(first);
    expect(first.lines[0]).toMatch(/^PostgreSQL: started embedded server on port \d+, data in .*\/postgres\/data \(127\.0\.0\.1:\d+: nothing answers\)$/);
    const rekindleUrl = await ensureDatabase(firstUrl, 'rekindle');
    expect(await ensureDatabase(firstUrl, 'rekindle')).toBe(rekindleUrl);
    expect(await probePostgres(rekindleUrl)).toEqual({ ok: true });
    await first.teardown.run();
    expect(await probePostgres(firstUrl)).toEqual({ ok: false, reason: 'nothing answers' });

    const second = testContext(stateDir.path, { usual: await deadUrls() });
    const secondUrl = await resolvePostgres(second);
    try {
      const client = new Client({ connectionString: secondUrl });
      await client.connect();
      const databases = await client.query("select datname from pg_database where datname = 'rekindle'");
      await client.end();
      expect(databases.rowCount).toBe(1);
    } finally {
      await second.teardown.run();
    }
  });
});
