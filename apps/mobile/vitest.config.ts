import { defineConfig } from 'vitest/config';

// Unit tests cover the framework-free part of the app (config, auth controller, platform stores);
// the React Native screen itself is exercised by the Playwright specs in e2e/src/mobile.
export default defineConfig({
  // Workspace libs from their TypeScript source (Vite's server-side resolution needs it too).
  resolve: { conditions: ['@oauth-ref/source'] },
  ssr: { resolve: { conditions: ['@oauth-ref/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    coverage: {
      provider: 'v8',
      include: [
        'src/config/load-app-config.ts',
        'src/auth/auth-controller.ts',
        'src/auth/auth-state.ts',
        'src/platform/pending-attempt-store.ts',
        'src/platform/web-user-agent.ts',
        'src/platform/native-dpop-crypto.ts',
        'src/platform/session-marker.ts',
        'src/lab/run-lab-group.ts',
      ],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 90, functions: 90, statements: 90, branches: 80 },
    },
  },
});
