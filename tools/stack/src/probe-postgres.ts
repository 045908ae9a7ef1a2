import { Client } from 'pg';
import { describeError } from './describe-error';
import { unusable, usable, type ProbeResult } from './probe-result';

/** Connects and runs `select 1`. */
export async function probePostgres(url: string, timeoutMs = 2000): Promise<ProbeResult> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return usable;
  } catch (error) {
    return unusable(describeError(error));
  } finally {
    await client.end().catch(() => undefined);
  }
}
