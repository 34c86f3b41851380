import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig({
  coverageExclude: ['src/cli/**'],
  thresholds: { lines: 89, functions: 93, statements: 89, branches: 74 },
  overrides: {
    // Suites share nothing but the PostgreSQL server (each has its own schema).
    test: { testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: true },
  },
});
