import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it) or the browser named by
// E2E_CHROMIUM. Only where neither exists does Playwright fall back to its own browser build (the
// README says how teams on machines with internet access get one).
const systemChromium = process.env['E2E_CHROMIUM'] ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
const database = process.env['E2E_DATABASE'] === 'postgresql' ? 'postgresql' : 'sqlite';

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.spec.ts',
  // One started stack is shared by every test; tests that change shared state (key rotation,
  // stopping the provider) restore it themselves.
  globalSetup: './src/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: `playwright-report/${database}` }]],
  outputDir: `test-results/${database}`,
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: database }],
});
