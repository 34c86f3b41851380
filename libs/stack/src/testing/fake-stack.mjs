// The supervisor around fake apps, for its tests: one slow set-up step (like a build) that starts
// a helper of its own, then FAKE_APPS apps on FAKE_BASE_PORT, +1, … (helpers on +100, …).
//   FAKE_DATA_DIR=… FAKE_BASE_PORT=47000 FAKE_APPS=3 FAKE_STEP_MS=0 node fake-stack.mjs
import { fileURLToPath } from 'node:url';
import { runStack } from '../run-stack.mjs';

const basePort = Number(process.env.FAKE_BASE_PORT);
const count = Number(process.env.FAKE_APPS ?? 3);
const stepMs = Number(process.env.FAKE_STEP_MS ?? 0);
const fakeApp = fileURLToPath(new URL('./fake-app.mjs', import.meta.url));
const names = ['provider', 'api', 'web', 'mobile'].slice(0, count);

await runStack({
  cwd: process.cwd(),
  dataDir: /** @type {string} */ (process.env.FAKE_DATA_DIR),
  graceMs: Number(process.env.FAKE_GRACE_MS ?? 1_500),
  steps: () =>
    stepMs > 0
      ? [
          {
            title: 'fake build',
            command: process.execPath,
            args: [
              '-e',
              `require('node:http').createServer().listen(${basePort + 99}, () => console.log('building'));` +
                `setTimeout(() => process.exit(0), ${stepMs})`,
            ],
            env: process.env,
            verbose: true,
          },
        ]
      : [],
  apps: () =>
    names.map((name, index) => ({
      name,
      command: process.execPath,
      args: [fakeApp],
      env: {
        ...process.env,
        APP_NAME: name,
        HELPER_PORT: String(basePort + 100 + index),
        START_DELAY_MS: process.env.FAKE_START_DELAY_MS ?? '0',
      },
      port: basePort + index,
      healthUrl: `http://127.0.0.1:${basePort + index}/`,
    })),
  banner: () => 'FAKE STACK READY',
});
