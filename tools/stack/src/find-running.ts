import { displayUrl, hostOf } from './display-url';
import type { Probe } from './probe-result';

export interface RunningLookup {
  /** As printed: "PostgreSQL". */
  label: string;
  /** The variable that gives its URL: "DATABASE_URL". */
  variable: string;
  given: string | undefined;
  usual: string;
  probe: Probe;
  report: (line: string) => void;
}

export type RunningServer = { url: string } | { url: undefined; whyNotUsual: string };

/**
 * The first two places every dependency is looked for: the URL the user gave (which must then
 * answer; there is no falling back from an explicit choice), else the usual local address.
 */
export async function findRunning(lookup: RunningLookup): Promise<RunningServer> {
  const { label, variable, given, usual, probe, report } = lookup;
  if (given !== undefined) {
    const result = await probe(given);
    if (!result.ok) throw new Error(`${label}: ${variable} (${displayUrl(given)}) is not usable: ${result.reason}`);
    report(`${label}: using ${variable}`);
    return { url: given };
  }
  const result = await probe(usual);
  if (result.ok) {
    report(`${label}: found on ${hostOf(usual)}`);
    return { url: usual };
  }
  return { url: undefined, whyNotUsual: `${hostOf(usual)}: ${result.reason}` };
}
