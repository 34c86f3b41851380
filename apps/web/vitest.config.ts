import { defineConfig } from 'vitest/config';

// Workspace libs are consumed from source (their `@oauth-ref/source` export condition).
const conditions = ['@oauth-ref/source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@oauth-ref/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
