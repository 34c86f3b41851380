import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig({
  coverageExclude: ['src/main.ts', 'src/bench/**'],
  thresholds: { lines: 94, functions: 92, statements: 92, branches: 84 },
  overrides: { test: { testTimeout: 30_000, hookTimeout: 60_000 } },
});
