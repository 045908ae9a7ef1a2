import { runReadinessChecks } from './readiness';

const ok = () => Promise.resolve();
const fail = () => Promise.reject(new Error('connection refused'));
const hang = () => new Promise<void>(() => undefined);

describe('runReadinessChecks', () => {
  it('is ready when every check passes, and with no checks at all', async () => {
    expect((await runReadinessChecks({ database: { run: ok, critical: true }, cache: { run: ok } }, 100)).status).toBe('ready');
    expect(await runReadinessChecks({}, 100)).toEqual({ status: 'ready', checks: {}, degraded: [] });
  });

  it('is degraded, naming the check, when only a non-critical check fails', async () => {
    const report = await runReadinessChecks({ database: { run: ok, critical: true }, cache: { run: fail } }, 100);
    expect(report.status).toBe('degraded');
    expect(report.degraded).toEqual(['cache']);
    expect(report.checks['cache']).toMatchObject({ status: 'failed', critical: false, error: 'connection refused' });
    expect(report.checks['database']).toMatchObject({ status: 'ok', critical: true });
  });

  it('is unavailable when a critical check fails or hangs past the timeout', async () => {
    const report = await runReadinessChecks({ database: { run: hang, critical: true }, cache: { run: fail } }, 50);
    expect(report.status).toBe('unavailable');
    expect(report.checks['database']?.error).toBe('check database timed out after 50 ms');
    expect(report.degraded).toEqual(['cache']);
  });

  it('runs the checks in parallel', async () => {
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 80));
    const started = Date.now();
    await runReadinessChecks({ a: { run: slow }, b: { run: slow }, c: { run: slow } }, 1000);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
