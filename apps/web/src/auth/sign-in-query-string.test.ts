/**
 * The sign-in route drops the query string: next-auth v4 merges the sign-in request's query into
 * the authorization request, so without this a crafted link
 * (`/api/auth/signin/oauth-ref?scope=admin&prompt=none`) could widen the scope or skip consent.
 * Runs handleAuthRequest with next-auth's real core, fed the way its App Router handler feeds it
 * (query from `request.nextUrl`), against a fake issuer and a real database.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the app loads @oauth-ref/db at run time (not bundled, see src/db/prisma.ts); tests import it directly
import { createTestDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import { NextRequest } from 'next/server';
import type { AuthOptions } from 'next-auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseWebConfig, type WebConfig } from '../config/config-schema';
import { setSecurityLogSink } from '../security/log-security-event';
import { handleAuthRequest, type NextAuthRoute } from './handle-auth-request';
import { startFakeIssuer, type FakeIssuer } from './testing/fake-issuer';

const require = createRequire(import.meta.url);
const { AuthHandler } = require(
  join(dirname(require.resolve('next-auth')), 'core', 'index.js'),
) as {
  AuthHandler: (params: { req: unknown; options: AuthOptions }) => Promise<{ redirect?: string }>;
};

/** What next-auth's App Router handler does with the request, minus next/headers. */
const route: NextAuthRoute = async (options, request, context) => {
  const [action, providerId] = (await context.params).nextauth ?? [];
  const internal = await AuthHandler({
    req: {
      query: Object.fromEntries(request.nextUrl.searchParams),
      body: Object.fromEntries(await request.formData()),
      cookies: Object.fromEntries(request.cookies.getAll().map((c) => [c.name, c.value])),
      headers: Object.fromEntries(request.headers),
      method: request.method,
      action,
      providerId,
    },
    options,
  });
  return new Response(null, { status: 302, headers: { location: internal.redirect ?? '' } });
};

let issuer: FakeIssuer;
let database: TestDatabase;
let config: WebConfig;

beforeAll(async () => {
  issuer = await startFakeIssuer('oauth-ref-web', 'test-secret');
  database = await createTestDatabase('sqlite');
  config = parseWebConfig({
    OAUTH_ISSUER: issuer.issuer,
    OAUTH_CLIENT_SECRET: 'test-secret',
    NODE_ENV: 'test',
  });
  vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
  setSecurityLogSink(() => undefined);
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await issuer.close();
  await database.dispose();
});

async function signInVia(path: string): Promise<URL> {
  const token = randomBytes(32).toString('hex');
  const cookie = `${token}|${createHash('sha256').update(`${token}${config.nextAuthSecret}`).digest('hex')}`;
  const request = new NextRequest(`http://localhost:3000${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `web.csrf-token=${cookie}`,
      host: 'localhost:3000',
    },
    body: new URLSearchParams({ csrfToken: token, callbackUrl: '/notes' }),
  });
  const response = await handleAuthRequest(
    request,
    { params: Promise.resolve({ nextauth: ['signin', 'oauth-ref'] }) },
    config,
    database.prisma,
    route,
  );
  return new URL(response.headers.get('location') ?? '');
}

describe('the sign-in route', () => {
  it('ignores a crafted query string: scope and prompt stay the configured ones', async () => {
    const url = await signInVia('/api/auth/signin/oauth-ref?scope=admin&prompt=none&max_age=0');
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer.issuer}/auth`);
    expect(url.searchParams.get('scope')).toBe(
      'openid profile email offline_access notes:read notes:write',
    );
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.has('max_age')).toBe(false);
  });

  it('records the authorization request it sent', async () => {
    const url = await signInVia('/api/auth/signin/oauth-ref');
    const recorded = await database.prisma.flowEvent.findFirst({
      where: { step: 'authorization_request' },
      orderBy: { createdAt: 'desc' },
    });
    expect(JSON.parse(recorded?.detail ?? '{}').params.state).toBe(url.searchParams.get('state'));
  });
});
