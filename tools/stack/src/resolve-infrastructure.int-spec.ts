import { probeNats } from './probe-nats';
import { probeRedis } from './probe-redis';
import { resolveInfrastructure } from './resolve-infrastructure';
import { createStateDir, deadUrls, realUrls, testContext } from './stack-test-context';
import { findExecutable } from './find-executable';
import { findFreePort } from './local-ports';
import { loadStackConfig } from './stack-config';
import { startServer } from './start-server';

describe('resolveInfrastructure', () => {
  let stateDir: Awaited<ReturnType<typeof createStateDir>>;
  beforeAll(async () => {
    stateDir = await createStateDir();
  });
  afterAll(() => stateDir.remove());

  it('uses the URLs it is given, and looks nowhere else', async () => {
    const context = testContext(stateDir.path, { given: realUrls(), usual: await deadUrls() });
    await expect(resolveInfrastructure(context, 'required')).resolves.toEqual(realUrls());
    expect(context.lines).toEqual(['PostgreSQL: using DATABASE_URL', 'NATS: using NATS_URL', 'Redis: using REDIS_URL']);
  });

  it('fails, naming the variable, when a given URL does not answer', async () => {
    const dead = await deadUrls();
    const context = testContext(stateDir.path, { given: { ...realUrls(), natsUrl: dead.natsUrl } });
    await expect(resolveInfrastructure(context, 'required')).rejects.toThrow(
      `NATS: NATS_URL (${dead.natsUrl}) is not usable: nothing answers`,
    );
  });

  it('finds servers that answer on the usual addresses', async () => {
    const context = testContext(stateDir.path, {});
    await expect(resolveInfrastructure(context, 'required')).resolves.toEqual(realUrls());
    const host = (url: string) => new URL(url).host;
    expect(context.lines).toEqual([
      `PostgreSQL: found on ${host(realUrls().databaseUrl)}`,
      `NATS: found on ${host(realUrls().natsUrl)}`,
      `Redis: found on ${host(realUrls().redisUrl)}`,
    ]);
  });

  it('starts nats-server and redis-server of its own when nothing answers, and stops them again', async () => {
    const dead = await deadUrls();
    const context = testContext(stateDir.path, { given: { databaseUrl: realUrls().databaseUrl }, usual: dead });
    const resolved = await resolveInfrastructure(context, 'required');

    expect(context.lines[1]).toMatch(/^NATS: started nats-server on port \d+ with JetStream, store in .*\/nats \(127\.0\.0\.1:\d+: nothing answers\)$/);
    expect(context.lines[2]).toMatch(/^Redis: started redis-server on port \d+ \(127\.0\.0\.1:\d+: nothing answers\)$/);
    expect(await probeNats(resolved.natsUrl)).toEqual({ ok: true });
    expect(await probeRedis(resolved.redisUrl)).toEqual({ ok: true });

    await context.teardown.run();
    expect(await probeNats(resolved.natsUrl)).toEqual({ ok: false, reason: 'nothing answers' });
    expect(await probeRedis(resolved.redisUrl)).toEqual({ ok: false, reason: 'nothing answers' });
  });

  it('does not take a NATS without JetStream', async () => {
    const port = await findFreePort();
    const plainUrl = `nats://127.0.0.1:${port}`;
    const plain = await startServer({
      name: 'nats-server without JetStream',
      command: findExecutable('nats-server', loadStackConfig().searchPath) ?? 'nats-server',
      args: ['-a', '127.0.0.1', '-p', String(port)],
      isReady: async () => {
        const probe = await probeNats(plainUrl);
        return !probe.ok && probe.reason.includes('without JetStream');
      },
      timeoutMs: 10_000,
    });
    try {
      const context = testContext(stateDir.path, {
        given: { databaseUrl: realUrls().databaseUrl, redisUrl: realUrls().redisUrl },
        usual: { ...(await deadUrls()), natsUrl: plainUrl },
      });
      const resolved = await resolveInfrastructure(context, 'required');
      expect(resolved.natsUrl).not.toBe(plainUrl);
      expect(context.lines[1]).toMatch(new RegExp(`^NATS: started nats-server .*\\(127\\.0\\.0\\.1:${port}: it answers, but without JetStream`));
      await context.teardown.run();
    } finally {
      await plain.stop(5000);
    }
  });

  it('runs on without Redis when Redis is optional and none can be had, and fails clearly when it is required', async () => {
    const overrides = { given: { databaseUrl: realUrls().databaseUrl, natsUrl: realUrls().natsUrl }, usual: await deadUrls(), searchPath: '' };
    const optional = testContext(stateDir.path, overrides);
    await expect(resolveInfrastructure(optional, 'optional')).resolves.toMatchObject({ redisUrl: undefined });
    expect(optional.lines[2]).toMatch(/^Redis: no Redis to use .* redis-server is not on PATH: running without Redis \(services cache in memory\)$/);

    await expect(resolveInfrastructure(testContext(stateDir.path, overrides), 'required')).rejects.toThrow(
      /the tests need one\. Install it \(Debian\/Ubuntu: apt-get install redis-server\) or set REDIS_URL/,
    );
  });

  it('fails saying how to install NATS when none can be had', async () => {
    const context = testContext(stateDir.path, { given: { databaseUrl: realUrls().databaseUrl }, usual: await deadUrls(), searchPath: '' });
    await expect(resolveInfrastructure(context, 'optional')).rejects.toThrow(
      /^NATS: no NATS with JetStream to use .* nats-server is not on PATH\. Install it \(Debian\/Ubuntu: apt-get install nats-server;.* or set NATS_URL/,
    );
  });
});
