import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig({
  include: ['src/**/*.test.mjs', 'src/**/*.test.ts'],
  coverageInclude: ['src/**/*.mjs', 'src/**/*.ts'],
  // Most of the supervisor runs in the child processes its tests start (not measured in-process).
  thresholds: { lines: 20, functions: 22, statements: 20, branches: 23 },
  overrides: { test: { testTimeout: 120_000 } },
});
