import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig({
  thresholds: { lines: 93, functions: 92, statements: 92, branches: 88 },
});
