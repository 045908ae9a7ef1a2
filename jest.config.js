// One Jest run covers the whole workspace: on a 2-core machine a single runner with two workers is
// faster than one Jest process per Nx project.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true } }];

const moduleNameMapper = {
  '^@rekindle/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@rekindle/util$': '<rootDir>/libs/util/src/index.ts',
  '^@rekindle/platform-(.*)$': '<rootDir>/libs/platform/$1/src/index.ts',
  '^@rekindle/(.*)-core$': '<rootDir>/libs/$1-core/src/index.ts',
  '^@rekindle/tools-(.*)$': '<rootDir>/tools/$1/src/index.ts',
};

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  maxWorkers: 2,
  // A per-project testTimeout is ignored by Jest; integration tests wait on real services.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.{int,e2e}-spec.ts'],
    },
  ],
};
