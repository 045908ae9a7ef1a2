import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

interface LintResult {
  messages: { ruleId: string | null; message: string }[];
}

/**
 * Lints a would-be source file at `path` (relative to the workspace root) with the real config, in
 * a child process: ESLint loads its ESM config with a dynamic import that Jest's VM cannot do.
 */
function boundaryErrors(path: string, code: string): string[] {
  const run = spawnSync(join(root, 'node_modules/.bin/eslint'), ['--format', 'json', '--stdin', '--stdin-filename', path], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  // The rule prints a warning instead of failing when Nx has no project graph: that must fail here.
  expect(run.stdout).not.toMatch(/No cached ProjectGraph/);
  const [result] = JSON.parse(run.stdout) as LintResult[];
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('Nx module boundaries (DESIGN.md §2)', () => {
  jest.setTimeout(60_000);

  beforeAll(() => {
    const graph = spawnSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
    expect(graph.status).toBe(0);
  });

  it('rejects a core importing typeorm', () => {
    const errors = boundaryErrors('libs/profile-core/src/bad.ts', "import { DataSource } from 'typeorm';\nexport const d = DataSource;\n");
    expect(errors).toEqual([expect.stringContaining('type:core" is not allowed to import "typeorm"')]);
  });

  it.each(['node:fs', 'fs', 'node:http'])('rejects a core importing %s', (module) => {
    const errors = boundaryErrors('libs/profile-core/src/bad.ts', `import * as io from '${module}';\nexport const x = io;\n`);
    expect(errors).toEqual([expect.stringContaining('A core does no I/O')]);
  });

  it('rejects a core importing a platform library', () => {
    const errors = boundaryErrors(
      'libs/profile-core/src/bad.ts',
      "import { createLogger } from '@rekindle/platform-logger';\nexport const l = createLogger;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it("rejects an app importing another service's core", () => {
    const errors = boundaryErrors(
      'apps/gateway/src/bad.ts',
      "import { planCustomerUpserts } from '@rekindle/profile-core';\nexport const p = planCustomerUpserts;\n",
    );
    expect(errors).toEqual([expect.stringContaining('scope:gateway')]);
  });

  it("rejects an app importing another app's code by path", () => {
    const errors = boundaryErrors('apps/gateway/src/bad.ts', "import { resolvers } from '../../profile/src/resolvers';\nexport const r = resolvers;\n");
    expect(errors).toHaveLength(1);
  });

  it('allows an app its own core, platform, contracts and util', () => {
    const errors = boundaryErrors(
      'apps/profile/src/fine.ts',
      [
        "import { planCustomerUpserts } from '@rekindle/profile-core';",
        "import { createLogger } from '@rekindle/platform-logger';",
        "import { orderPlacedV1 } from '@rekindle/contracts';",
        "import { ErrorCode } from '@rekindle/util';",
        'export const all = [planCustomerUpserts, createLogger, orderPlacedV1, ErrorCode];',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });
});
