import { projectTestConfig } from '../../vitest.shared.js';

// Unit tests cover the framework-free part of the app (config, auth controller, platform stores);
// the React Native screen itself is exercised by the Playwright specs in e2e/src/mobile.
export default projectTestConfig({
  include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  coverageInclude: [
    'src/config/load-app-config.ts',
    'src/auth/auth-controller.ts',
    'src/auth/auth-state.ts',
    'src/platform/pending-attempt-store.ts',
    'src/platform/web-user-agent.ts',
    'src/platform/native-dpop-crypto.ts',
    'src/platform/session-marker.ts',
    'src/lab/run-lab-group.ts',
  ],
  thresholds: { lines: 95, functions: 91, statements: 94, branches: 83 },
});
