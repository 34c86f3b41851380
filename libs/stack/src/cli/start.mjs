// npm start — the whole demo on the embedded default, from a fresh clone:
// migrate and seed the database, build what changed (Nx cache), start provider, API, web and
// mobile-web, print where everything is, and stop it all on Ctrl-C.
import { join } from 'node:path';
import { demoClients, demoUsers } from '@oauth-ref/demo-config';
import { ensureDevSecrets } from '../dev-secrets.mjs';
import { runCommand } from '../run-command.mjs';
import { portOf, stackApps } from '../stack-apps.mjs';
import { stackEnv, stackUrls } from '../stack-env.mjs';
import { checkPortFree } from '../check-port-free.mjs';
import { startStack } from '../start-stack.mjs';
import { workspaceRoot } from '../workspace-root.mjs';

const step = (/** @type {string} */ text) => console.log(`\n▸ ${text}`);

try {
  for (const app of stackApps)
    await checkPortFree(portOf(app, process.env), `${app.name} (${app.portVariable})`);
  const secrets = ensureDevSecrets(join(workspaceRoot, '.data', 'dev-secrets.json'));
  const env = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NEXT_TELEMETRY_DISABLED: '1' };

  step('Database: applying migrations and seeding demo users and clients');
  await runCommand('npm', ['run', '--silent', 'db:migrate'], { cwd: workspaceRoot, env });
  await runCommand('npm', ['run', '--silent', 'db:seed'], { cwd: workspaceRoot, env });

  step('Building the apps (production builds; unchanged ones come from the Nx cache)');
  await runCommand(
    'npx',
    [
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
    {
      cwd: workspaceRoot,
      env,
    },
  );

  step('Starting provider, API, web and mobile-web');
  const stack = await startStack({
    cwd: workspaceRoot,
    color: process.stdout.isTTY,
    envFor: stackEnv({ databaseUrl: process.env.DATABASE_URL, secrets, portEnv: process.env }),
  });
  const urls = stackUrls(process.env);
  const width = Math.max(...demoUsers.map((user) => user.username.length));
  console.log(`
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
│ Ctrl-C stops everything.
└──────────────────────────────────────────────────────────────────────
`);
  let stopping = false;
  const shutdown = async (/** @type {string} */ reason) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n▸ ${reason}: stopping every app…`);
    await stack.stop();
    console.log('▸ stopped.');
    process.exit(reason === 'Ctrl-C' || reason === 'SIGTERM' ? 0 : 1);
  };
  process.on('SIGINT', () => void shutdown('Ctrl-C'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  void stack.exited.then((name) => shutdown(`${name} exited`));
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
