import { defineConfig } from 'vitest/config';

// Workspace libs are consumed from source (their `@oauth-ref/source` export condition).
const conditions = ['@oauth-ref/source', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@oauth-ref/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start servers and databases: one file at a time on a 2-core machine.
    fileParallelism: false,
  },
});
