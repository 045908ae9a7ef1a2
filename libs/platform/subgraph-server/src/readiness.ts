import { withTimeout } from './with-timeout';

/** One dependency the service needs to answer. A failing critical check takes the service out of rotation. */
export interface ReadinessCheck {
  run: () => Promise<void>;
  /** Defaults to false: the service still answers without it (the cache), so it only reports `degraded`. */
  critical?: boolean;
}

export type ReadinessChecks = Record<string, ReadinessCheck>;

export interface CheckResult {
  status: 'ok' | 'failed';
  critical: boolean;
  durationMs: number;
  error?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'degraded' | 'unavailable' | 'shutting_down';
  checks: Record<string, CheckResult>;
  /** The non-critical checks that failed. */
  degraded: string[];
}

async function runCheck(name: string, check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const critical = check.critical ?? false;
  const started = performance.now();
  try {
    await withTimeout(check.run(), timeoutMs, `check ${name}`);
    return { status: 'ok', critical, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'failed', critical, durationMs: Math.round(performance.now() - started), error: message };
  }
}

/** Runs every check in parallel, each bounded by `timeoutMs`. */
export async function runReadinessChecks(checks: ReadinessChecks, timeoutMs: number): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await runCheck(name, check, timeoutMs)] as const),
  );
  const failed = entries.filter(([, result]) => result.status === 'failed');
  const status = failed.some(([, result]) => result.critical) ? 'unavailable' : failed.length > 0 ? 'degraded' : 'ready';
  return { status, checks: Object.fromEntries(entries), degraded: failed.filter(([, r]) => !r.critical).map(([name]) => name) };
}
