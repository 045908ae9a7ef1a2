import { closingLine, commandCheck, jestCheck } from './check-results';

const summary = (passed: number, failed: number, broken = 0) =>
  JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numRuntimeErrorTestSuites: broken, testResults: [] });

describe('npm test results', () => {
  it('counts a command check as one test', () => {
    expect(commandCheck('lint', { code: 0, signal: null })).toMatchObject({ passed: 1, failed: 0 });
    expect(commandCheck('lint', { code: 2, signal: null })).toMatchObject({ passed: 0, failed: 1, detail: 'failed (exited with code 2)' });
  });

  it("takes Jest's counts from its JSON output, a test file that could not run counting as a failure", () => {
    expect(jestCheck({ code: 0, signal: null }, summary(40, 0))).toMatchObject({ passed: 40, failed: 0 });
    const broken = jestCheck({ code: 1, signal: null }, summary(40, 2, 1));
    expect(broken).toMatchObject({ passed: 40, failed: 3 });
    expect(broken.detail).toBe('40 tests passed; 2 tests failed; 1 test file could not run');
  });

  it('counts a failing Jest that explains nothing, or wrote nothing, as one failure', () => {
    expect(jestCheck({ code: 1, signal: null }, summary(5, 0))).toMatchObject({ passed: 5, failed: 1 });
    expect(jestCheck({ code: null, signal: 'SIGKILL' }, undefined)).toMatchObject({ passed: 0, failed: 1 });
    expect(jestCheck({ code: 1, signal: null }, '{not json')).toMatchObject({ passed: 0, failed: 1 });
  });

  it('ends with the plain closing line, which no detail line imitates', () => {
    const results = [
      commandCheck('typecheck', { code: 0, signal: null }),
      commandCheck('lint', { code: 1, signal: null }),
      jestCheck({ code: 0, signal: null }, summary(10, 0)),
    ];
    expect(closingLine(results)).toBe('11 passed, 1 failed');
    for (const result of results) expect(`${result.name}: ${result.detail}`).not.toMatch(/\d+ passed, \d+ failed/);
  });
});
