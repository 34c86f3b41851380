import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig({
  thresholds: { lines: 100, functions: 100, statements: 100, branches: 95 },
});
