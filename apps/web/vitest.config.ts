import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig({
  include: ['src/**/*.test.ts', 'app/**/*.test.ts'],
  conditions: ['module', 'node', 'development|production'],
  coverageInclude: ['src/**/*.ts', 'app/**/*.ts'],
  // Route files and the next-auth wiring are exercised by the e2e suite, not by unit tests.
  thresholds: { lines: 54, functions: 56, statements: 52, branches: 52 },
  overrides: { test: { testTimeout: 30_000, hookTimeout: 60_000 } },
});
