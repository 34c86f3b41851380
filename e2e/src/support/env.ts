// What the running stack looks like from a test.
import { demoUsers } from '@oauth-ref/demo-config';
import { stackUrls } from '@oauth-ref/stack';

/**
 * The stack's ports: the defaults, or PROVIDER_PORT / API_PORT / WEB_PORT / MOBILE_PORT when the
 * run moves them (`npm test` runs the PostgreSQL pass on moved ports).
 */
export const portEnv: Readonly<Record<string, string | undefined>> = Object.freeze(
  Object.fromEntries(
    ['PROVIDER_PORT', 'API_PORT', 'WEB_PORT', 'MOBILE_PORT'].map((name) => [
      name,
      process.env[name],
    ]),
  ),
);

export const urls = Object.freeze(stackUrls(portEnv));

/** The admin API bearer token of this run's provider (set by global setup). */
export function adminToken(): string {
  const token = process.env['E2E_ADMIN_TOKEN'];
  if (!token)
    throw new Error('E2E_ADMIN_TOKEN is not set: run the suite through playwright.config.ts');
  return token;
}

/** DATABASE_URL of this run's stack (set by global setup), for specs that arrange state directly. */
export function e2eDatabaseUrl(): string {
  const url = process.env['E2E_DATABASE_URL'];
  if (!url)
    throw new Error('E2E_DATABASE_URL is not set: run the suite through playwright.config.ts');
  return url;
}

export const [alice, bob] = demoUsers as [(typeof demoUsers)[number], (typeof demoUsers)[number]];
