// npm test — every test of the workspace, the way CI runs it:
//   0. formatting (prettier --check, the same as `npm run format:check`);
//   1. lint, typecheck, unit + integration tests (SQLite and PostgreSQL) and production builds of
//      every project, and the mobile app's native (android/ios) export (Nx, two at a time);
//   2. the Playwright suite against the started stack, on SQLite (default ports) and again on
//      PostgreSQL with every port moved — so each sign-in, API call and sign-out spec also proves
//      that the issuer, audience, redirect URIs, CORS origins and mobile build follow the ports
//      (the cost: one more mobile build, instead of a third stack).
// Stops at the first failing phase and ends with one line: `N passed, N failed, N skipped`.
import { countTestsInLine } from '../count-tests.mjs';
import { buildEnv } from '../stack-env.mjs';
import { runCommand } from '../run-command.mjs';
import { workspaceRoot } from '../workspace-root.mjs';

/** @type {import('../count-tests.mjs').TestCounts} */
const counts = { passed: 0, failed: 0, skipped: 0 };
const env = {
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  NX_TUI: 'false',
};
const onLine = (/** @type {string} */ line) => {
  process.stdout.write(`${line}\n`);
  countTestsInLine(line, counts);
};
const started = Date.now();
const movedPorts = {
  PROVIDER_PORT: '4100',
  API_PORT: '3433',
  WEB_PORT: '3100',
  MOBILE_PORT: '8181',
};

/** @type {[string, string[], Record<string, string>][]} */
const phases = [
  ['formatting (npm run format:check)', ['prettier', '--check', '.', '--log-level=warn'], {}],
  [
    'lint, typecheck, unit/integration tests and builds',
    [
      'nx',
      'run-many',
      '-t',
      'lint',
      'typecheck',
      'test',
      'build',
      'export-native',
      '--output-style=stream',
    ],
    {},
  ],
  [
    'end-to-end suite on SQLite',
    ['nx', 'run', 'e2e:e2e', '--output-style=stream'],
    { E2E_DATABASE: 'sqlite' },
  ],
  [
    `end-to-end suite on PostgreSQL, on moved ports (${Object.entries(movedPorts)
      .map(([name, port]) => `${name}=${port}`)
      .join(' ')})`,
    ['nx', 'run', 'e2e:e2e', '--output-style=stream', '--skip-nx-cache'],
    { E2E_DATABASE: 'postgresql', ...movedPorts, ...buildEnv(movedPorts) },
  ],
];

let failedPhase;
for (const [title, args, extraEnv] of phases) {
  console.log(`\n▸ ${title}`);
  try {
    await runCommand('npx', args, { cwd: workspaceRoot, env: { ...env, ...extraEnv }, onLine });
  } catch (error) {
    failedPhase = `${title}: ${error instanceof Error ? error.message : String(error)}`;
    break;
  }
}

const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\n▸ ${failedPhase ? `FAILED — ${failedPhase}` : 'all phases passed'} (${seconds}s)`);
if (failedPhase && counts.failed === 0) counts.failed = 1;
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedPhase ? 1 : 0);
