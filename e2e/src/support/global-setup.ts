// Builds nothing (Nx built the apps before this runs), then: creates a fresh database (a SQLite
// file, or a PostgreSQL schema when E2E_DATABASE=postgresql), migrates and seeds it, starts the
// production builds of provider, API, web and mobile-web with short token lifetimes, waits for
// their health checks, and returns the teardown that stops them and drops the database — which
// Playwright runs even when tests fail.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, stackEnv, startStack, workspaceRoot } from '@oauth-ref/stack';
import { dropPostgresSchema } from '@oauth-ref/db';
import { portEnv, urls } from './env.js';
import { serveStackControl } from './stack-control.js';
import { e2eTimings } from './timings.js';

const stateDir = join(workspaceRoot, 'e2e', '.stack');
const testPostgresUrl =
  process.env['TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const database = process.env['E2E_DATABASE'] === 'postgresql' ? 'postgresql' : 'sqlite';
  mkdirSync(stateDir, { recursive: true });
  const schema = `e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  let databaseUrl: string;
  if (database === 'postgresql') {
    const url = new URL(testPostgresUrl);
    url.searchParams.set('schema', schema);
    databaseUrl = url.toString();
  } else {
    const file = join(stateDir, 'e2e.db');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    databaseUrl = `file:${file}`;
  }

  // The seed registers the clients' redirect URIs on the web and mobile apps' (maybe moved) ports.
  const env = {
    DATABASE_URL: databaseUrl,
    NX_DAEMON: 'false',
    WEB_URL: urls.web,
    MOBILE_URL: urls.mobile,
  };
  await runCommand('npm', ['run', '--silent', 'db:migrate'], {
    cwd: workspaceRoot,
    env,
    onLine: () => undefined,
  });
  // The seed CLI refuses unless demo mode is on (the provider's default is off).
  await runCommand('npm', ['run', '--silent', 'db:seed'], {
    cwd: workspaceRoot,
    env: { ...env, DEMO_MODE: 'true' },
    onLine: () => undefined,
  });

  const adminToken = randomBytes(24).toString('base64url');
  const logFile = join(stateDir, `stack-${database}.log`);
  const log = createWriteStream(logFile);
  const stack = await startStack({
    cwd: workspaceRoot,
    log: (line) => log.write(`${line}\n`),
    portEnv,
    logDir: join(stateDir, `logs-${database}`),
    envFor: stackEnv({
      databaseUrl,
      portEnv,
      secrets: {
        nextAuthSecret: randomBytes(32).toString('base64url'),
        providerAdminToken: adminToken,
      },
      extra: {
        provider: {
          ACCESS_TOKEN_TTL_SECONDS: String(e2eTimings.accessTokenTtlSeconds),
          KEY_RETIREMENT_GRACE_SECONDS: String(e2eTimings.keyRotationGraceSeconds),
          KEY_REFRESH_SECONDS: '2',
          LOG_LEVEL: 'info',
        },
        api: {
          JWKS_COOLDOWN_SECONDS: String(e2eTimings.jwksCooldownSeconds),
          JWKS_MAX_AGE_SECONDS: String(e2eTimings.jwksMaxAgeSeconds),
          RATE_LIMIT_MAX: '100000',
          LOG_LEVEL: 'info',
        },
      },
    }),
  }).catch((error: unknown) => {
    log.end();
    throw new Error(
      `the e2e stack did not start (see ${logFile}): ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const control = await serveStackControl(stack);

  process.env['E2E_ADMIN_TOKEN'] = adminToken;
  process.env['E2E_STACK_CONTROL_URL'] = control.url;
  process.env['E2E_DATABASE_URL'] = databaseUrl;
  process.env['E2E_STACK_LOG'] = logFile;
  if (!existsSync('/usr/bin/chromium') && !process.env['E2E_CHROMIUM']) {
    console.warn(
      "[e2e] /usr/bin/chromium not found: install Debian's (apt-get install -y chromium) or set E2E_CHROMIUM; falling back to Playwright's own browser build",
    );
  }

  return async () => {
    await control.close();
    await stack.stop();
    log.end();
    if (database === 'postgresql') await dropPostgresSchema(databaseUrl);
  };
}
