import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig({
  conditions: ['node', 'default'],
  coverageExclude: ['src/main.ts', 'src/bench/**'],
  thresholds: { lines: 90, functions: 92, statements: 88, branches: 79 },
  overrides: {
    test: {
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // Integration suites start servers and databases: one file at a time on a 2-core machine.
      fileParallelism: false,
    },
  },
});
