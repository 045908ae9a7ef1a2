/**
 * `npm test`: every check of the workspace. Finds or starts PostgreSQL, NATS (JetStream) and Redis,
 * then runs the typecheck, lint and Jest (unit and integration tests) with DATABASE_URL, NATS_URL
 * and REDIS_URL pointing at them, stops what it started, and ends with "N passed, N failed"
 * (typecheck and lint counting one each); exits non-zero when anything failed.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { closingLine, commandCheck, jestCheck, type CheckResult } from './check-results';
import { USUAL_URLS } from './dependency-context';
import { startManagedProcess, type ProcessExit } from './managed-process';
import { resolveInfrastructure } from './resolve-infrastructure';
import { runCli } from './run-cli';
import { loadStackConfig } from './stack-config';
import { localBin, STATE_DIR, WORKSPACE_ROOT } from './workspace-paths';

// Servers started for the tests keep their files apart from those of `npm start`, which may be running.
const TEST_STATE_DIR = join(STATE_DIR, 'test');
const JEST_RESULTS = join(TEST_STATE_DIR, 'jest-results.json');

runCli(async ({ teardown, print }) => {
  const config = loadStackConfig();
  const infrastructure = await resolveInfrastructure(
    { given: config.given, usual: USUAL_URLS, searchPath: config.searchPath, stateDir: TEST_STATE_DIR, teardown, report: print },
    'required',
  );
  const env = {
    ...config.inheritedEnv,
    // The module-boundaries lint rule reads the project graph Nx caches; without a daemon every run computes it afresh.
    NX_DAEMON: 'false',
    DATABASE_URL: infrastructure.databaseUrl,
    NATS_URL: infrastructure.natsUrl,
    REDIS_URL: infrastructure.redisUrl,
  };

  const run = (name: string, command: string, args: string[]): Promise<ProcessExit> => {
    print(`\n> ${name}: ${command} ${args.join(' ')}`);
    const check = startManagedProcess({ name, command: localBin(command), args, cwd: WORKSPACE_ROOT, env, output: 'inherit' });
    teardown.add(name, () => check.stop(5000));
    return check.exited;
  };

  const results: CheckResult[] = [
    commandCheck('typecheck', await run('typecheck', 'tsc', ['-p', 'tsconfig.json', '--noEmit'])),
    // Without a cached project graph, @nx/enforce-module-boundaries skips itself with only a warning.
    commandCheck('project graph', await run('project graph', 'nx', ['show', 'projects'])),
    commandCheck('lint', await run('lint', 'eslint', ['.'])),
  ];
  await mkdir(TEST_STATE_DIR, { recursive: true });
  await rm(JEST_RESULTS, { force: true });
  const jestExit = await run('jest', 'jest', ['--json', `--outputFile=${JEST_RESULTS}`]);
  results.push(jestCheck(jestExit, await readFile(JEST_RESULTS, 'utf8').catch(() => undefined)));

  print('');
  for (const result of results) print(`${result.name}: ${result.detail}`);
  print(closingLine(results));
  return results.some((result) => result.failed > 0) ? 1 : 0;
});
