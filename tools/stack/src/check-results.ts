import { z } from 'zod';
import { describeExit, type ProcessExit } from './managed-process';

/** How one check of `npm test` went, counted as tests: typecheck and lint count one each. */
export interface CheckResult {
  name: string;
  passed: number;
  failed: number;
  /** Printed after the name; never of the form "N passed, N failed", which is kept for the closing line. */
  detail: string;
}

/** A check that passes when its command exits 0 (typecheck, lint). */
export function commandCheck(name: string, exit: ProcessExit): CheckResult {
  return exit.code === 0
    ? { name, passed: 1, failed: 0, detail: 'passed' }
    : { name, passed: 0, failed: 1, detail: `failed (${describeExit(exit)})` };
}

const jestSummary = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numRuntimeErrorTestSuites: z.number(),
});

function parseJestSummary(resultsJson: string | undefined) {
  if (resultsJson === undefined) return undefined;
  try {
    return jestSummary.parse(JSON.parse(resultsJson));
  } catch {
    return undefined;
  }
}

/**
 * Jest's tests, from its --json output file. A test file that could not run counts as one failure,
 * and so does a non-zero exit that no failed test explains (Jest's own failures).
 */
export function jestCheck(exit: ProcessExit, resultsJson: string | undefined): CheckResult {
  const summary = parseJestSummary(resultsJson);
  if (summary === undefined) return { name: 'jest', passed: 0, failed: 1, detail: `failed (${describeExit(exit)}, no results written)` };
  const { numPassedTests: passed, numFailedTests: failedTests, numRuntimeErrorTestSuites: brokenFiles } = summary;
  const unexplained = exit.code !== 0 && failedTests + brokenFiles === 0 ? 1 : 0;
  const notes = [
    `${passed} tests passed`,
    `${failedTests} tests failed`,
    ...(brokenFiles > 0 ? [`${brokenFiles} test file${brokenFiles === 1 ? '' : 's'} could not run`] : []),
    ...(unexplained > 0 ? [`jest ${describeExit(exit)}`] : []),
  ];
  return { name: 'jest', passed, failed: failedTests + brokenFiles + unexplained, detail: notes.join('; ') };
}

/** The last line `npm test` prints: "N passed, N failed". */
export function closingLine(results: CheckResult[]): string {
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  return `${passed} passed, ${failed} failed`;
}
