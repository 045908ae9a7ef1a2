import nx from '@nx/eslint-plugin';

// The two tag axes of DESIGN.md §2, plus `scope:tools` for tools/: the composer, importers,
// benchmarks and end-to-end tests serve every service, so they may use any service's core.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:core'] },
  {
    sourceTag: 'type:core',
    onlyDependOnLibsWithTags: ['type:contracts'],
    bannedExternalImports: [
      'typeorm', 'pg', 'pg-*', 'nats', 'redis', '@redis/*', '@apollo/*', 'express', 'dataloader',
      'pino', 'prom-client', 'node:fs', 'fs', 'node:http', 'http', 'node:net', 'net', 'node:child_process', 'child_process',
    ],
  },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:core', 'type:tool', 'type:app'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:profile', onlyDependOnLibsWithTags: ['scope:shared', 'scope:profile'] },
  { sourceTag: 'scope:loyalty', onlyDependOnLibsWithTags: ['scope:shared', 'scope:loyalty'] },
  { sourceTag: 'scope:experiment', onlyDependOnLibsWithTags: ['scope:shared', 'scope:experiment'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/generated/**', '**/lint-fixtures/**', 'apps/gateway/src/graphiql/assets/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A test reads results it has just asserted on; `!` there is a claim the assertion backs.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The end-to-end suite is the composition root: it starts the apps themselves in one process,
    // which no project-to-project import rule can allow (Nx forbids importing apps at all).
    files: ['tools/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
