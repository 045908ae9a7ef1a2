import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@rekindle/tools-registry';

export interface DepConstraint {
  sourceTag: string;
  onlyDependOnLibsWithTags?: string[];
}

/**
 * The depConstraints of @nx/enforce-module-boundaries as ESLint resolves them for `file`, read
 * from `eslint --print-config` in a child process: Jest's VM cannot import the ESM config.
 */
export function resolvedDepConstraints(file = 'apps/gateway/src/main.ts'): DepConstraint[] {
  const output = execFileSync(join(WORKSPACE_ROOT, 'node_modules/.bin/eslint'), ['--print-config', file], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
  });
  const rule = (JSON.parse(output) as { rules?: Record<string, unknown> }).rules?.['@nx/enforce-module-boundaries'];
  const options = Array.isArray(rule) ? (rule[1] as { depConstraints?: DepConstraint[] } | undefined) : undefined;
  if (!options?.depConstraints) throw new Error(`eslint.config.mjs gives ${file} no @nx/enforce-module-boundaries depConstraints`);
  return options.depConstraints;
}
