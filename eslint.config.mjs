import nx from '@nx/eslint-plugin';
import services from './tools/registry/services.json' with { type: 'json' };

// Each service of the registry (tools/registry/services.json) is a scope: its app and core may use
// only what is theirs or shared. tools/workspace-checks fails when a project's scope has no row here.
const serviceScopes = Object.keys(services).map((name) => ({
  sourceTag: `scope:${name}`,
  onlyDependOnLibsWithTags: ['scope:shared', `scope:${name}`],
}));

// The two tag axes of DESIGN.md §2, plus `scope:tools` for tools/: the composer, importers,
// benchmarks and end-to-end tests serve every service, so they may use any service's core.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:core', 'type:util'] },
  {
    sourceTag: 'type:core',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
    bannedExternalImports: [
      'typeorm', 'pg', 'pg-*', 'nats', 'redis', '@redis/*', '@apollo/*', 'express', 'dataloader',
      'pino', 'prom-client',
    ],
  },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:core', 'type:util', 'type:tool', 'type:app'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...serviceScopes,
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/generated/**', '**/lint-fixtures/**', 'apps/gateway/src/graphiql/assets/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints,
          // platform-testing builds on database, messaging and subgraph-server (service definitions),
          // whose own integration tests use it: a cycle through test files only, never through production code.
          ignoredCircularDependencies: [
            ['platform-database', 'platform-testing'],
            ['platform-messaging', 'platform-testing'],
            ['platform-subgraph-server', 'platform-testing'],
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Cores are pure: Nx's bannedExternalImports does not see Node's built-in modules, so I/O
    // modules are kept out here. Their tests may read fixtures.
    files: ['libs/*-core/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'fs/promises', 'http', 'https', 'net', 'child_process', 'dgram', 'worker_threads'].map((name) => ({
            name,
            message: 'A core does no I/O: do it in the app and pass the result in.',
          })),
          patterns: [{ group: ['node:*'], message: 'A core does no I/O: do it in the app and pass the result in.' }],
        },
      ],
    },
  },
  {
    // A test reads results it has just asserted on; `!` there is a claim the assertion backs.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Benchmarks are composition roots: they wire the apps' repositories and use cases themselves,
    // which no project-to-project import rule can allow (Nx forbids importing apps). End-to-end
    // tests start the apps through platform-testing's kit instead, under the rule.
    files: ['tools/bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
