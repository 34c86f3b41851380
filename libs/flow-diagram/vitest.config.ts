import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@oauth-ref/source'] },
  // Vite applies top-level resolve.conditions to the client only; tests run in the SSR environment.
  ssr: { resolve: { conditions: ['@oauth-ref/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/index.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 100, functions: 100, statements: 100, branches: 100 },
    },
  },
});
