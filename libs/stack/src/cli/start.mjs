// npm start — the whole demo on the embedded default, from a fresh clone: migrate and seed the
// database, build what changed (Nx cache), start provider, API, web and mobile-web under the
// supervisor, print where everything is. Ctrl-C, SIGTERM or SIGHUP at any moment stop it all.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoClients, demoUsers } from '@oauth-ref/demo-config';
import { checkPortFree } from '../check-port-free.mjs';
import { ensureDevSecrets } from '../dev-secrets.mjs';
import { runStack } from '../run-stack.mjs';
import { appSpecOf, portOf, stackApps } from '../stack-apps.mjs';
import { buildEnv, stackEnv, stackUrls } from '../stack-env.mjs';
import { workspaceRoot } from '../workspace-root.mjs';

const usage = `Usage: npm start [-- --help]

Migrates and seeds the database, builds the four apps (Nx cache), starts them and prints their URLs.

Environment:
  PROVIDER_PORT (4000)  API_PORT (3333)  WEB_PORT (3000)  MOBILE_PORT (8081)
      move an app; every URL that depends on it follows (issuer, audience, redirect URIs, CORS)
  DATABASE_URL    unset: SQLite in .data/; postgresql://…?schema=<name> for PostgreSQL

While it runs:
  Ctrl-C or q     stop everything          s   status
  1 2 3 4         restart provider, api, web, mobile
  From another terminal: npm run stack -- status | restart <app> | stop [app]
Logs: one line per record in the terminal, JSON lines in .data/logs/<app>.log`;

try {
  if (parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }).values.help) {
    console.log(usage);
    process.exit(0);
  }
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  process.exit(2);
}

const dataDir = join(workspaceRoot, '.data');
const portEnv = process.env;
try {
  for (const app of stackApps)
    await checkPortFree(portOf(app, portEnv), `${app.name} (${app.portVariable})`);
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const secrets = ensureDevSecrets(join(dataDir, 'dev-secrets.json'));
const envFor = stackEnv({ databaseUrl: process.env.DATABASE_URL, secrets, portEnv });
const toolEnv = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NEXT_TELEMETRY_DISABLED: '1',
};
const provider = /** @type {import('../stack-apps.mjs').StackApp} */ (stackApps[0]);
const urls = stackUrls(portEnv);

await runStack({
  cwd: workspaceRoot,
  dataDir,
  color: process.stdout.isTTY,
  keyboard: process.stdin.isTTY ? process.stdin : undefined,
  steps: () => [
    {
      title: 'Database: applying migrations',
      command: 'npm',
      args: ['run', '--silent', 'db:migrate'],
      logName: 'db',
      env: { ...toolEnv, ...envFor(provider) },
      verbose: true,
    },
    {
      title: `Database: seeding demo users and clients (redirect URIs on ${urls.web} and ${urls.mobile})`,
      command: 'npm',
      args: ['run', '--silent', 'db:seed'],
      logName: 'db',
      env: { ...toolEnv, ...envFor(provider) },
      verbose: true,
    },
    {
      title: 'Building the apps (production builds; unchanged ones come from the Nx cache)',
      command: 'npx',
      args: [
        'nx',
        'run-many',
        '-t',
        'build',
        '-p',
        'provider',
        'api',
        'web',
        'mobile',
        '--output-style=static',
      ],
      env: { ...toolEnv, ...buildEnv(portEnv) },
      logName: 'build',
      verbose: true,
    },
  ],
  apps: () =>
    stackApps.map((app) => {
      const port = portOf(app, portEnv);
      return appSpecOf(app, port, { ...process.env, ...envFor(app) });
    }),
  banner: () => {
    const width = Math.max(...demoUsers.map((user) => user.username.length));
    const keys = process.stdin.isTTY
      ? '│ Keys: 1 provider, 2 api, 3 web, 4 mobile restart that app; s status; q or Ctrl-C stops all.'
      : '│ Ctrl-C stops everything.';
    return `
┌──────────────────────────────────────────────────────────────────────
│ oauth-reference is running
│
│   web app (Authorization Code, confidential)  ${urls.web}
│   mobile app (Authorization Code + PKCE)       ${urls.mobile}
│   API (resource server)                        ${urls.api}   docs: ${urls.api}/docs
│   provider (issuer)                            ${urls.provider}/.well-known/openid-configuration
│
│ Demo users (sign in with either):
${demoUsers.map((user) => `│   ${user.username.padEnd(width)}  password: ${user.password}`).join('\n')}
│ Clients: ${demoClients.map((client) => client.clientId).join(', ')}
│ Provider admin API token: in .data/dev-secrets.json
│
${keys}
│ Another terminal: npm run stack -- status | restart <app> | stop [app]
│ Logs (JSON lines): .data/logs/<app>.log
└──────────────────────────────────────────────────────────────────────
`;
  },
});
