import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace libs are consumed from source (their `@oauth-ref/source` export condition).
  resolve: { conditions: ['@oauth-ref/source'] },
  ssr: {
    resolve: { conditions: ['@oauth-ref/source', 'module', 'node', 'development|production'] },
  },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
