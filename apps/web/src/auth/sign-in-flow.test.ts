/**
 * Drives next-auth's real AuthHandler (openid-client inside) with our options against a fake
 * issuer and a real database: the authorization request's parameters, the callback's checks
 * (state, RFC 9207 iss, PKCE, nonce, one-time code), the database session, the cookie flags, and
 * that /api/auth/session never carries a token.
 */
import { createHash, randomBytes } from 'node:crypto';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the app loads @oauth-ref/db at run time (not bundled, see src/db/prisma.ts); tests import it directly
import { createTestDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseWebConfig, type WebConfig } from '../config/config-schema';
import { setSecurityLogSink } from '../security/log-security-event';
import { buildAuthOptions } from './auth-options';
import { startFakeIssuer, type FakeIssuer } from './testing/fake-issuer';

// next-auth v4's core (what its Next route handler calls) is not in its exports map: load it by path.
const require = createRequire(import.meta.url);
const { AuthHandler } = require(
  join(dirname(require.resolve('next-auth')), 'core', 'index.js'),
) as {
  AuthHandler: (params: { req: never; options: unknown }) => Promise<unknown>;
};

interface InternalCookie {
  name: string;
  value: string;
  options: { httpOnly?: boolean; sameSite?: string; secure?: boolean; path?: string };
}
interface InternalResponse {
  redirect?: string;
  cookies?: InternalCookie[];
  body?: unknown;
  status?: number;
}

let issuer: FakeIssuer;
let database: TestDatabase;
let config: WebConfig;
const securityLog: string[] = [];

const headers = { host: 'localhost:3000' };
const handle = (req: Record<string, unknown>) =>
  AuthHandler({
    req: { headers, query: {}, cookies: {}, ...req } as never,
    options: buildAuthOptions(config, database.prisma),
  }) as Promise<InternalResponse>;

function csrf(secret: string) {
  const token = randomBytes(32).toString('hex');
  return {
    token,
    cookie: `${token}|${createHash('sha256').update(`${token}${secret}`).digest('hex')}`,
  };
}

const jar = (cookies: InternalCookie[] = []) =>
  Object.fromEntries(cookies.map((cookie) => [cookie.name, cookie.value]));

async function startSignIn() {
  const { token, cookie } = csrf(config.nextAuthSecret);
  const response = await handle({
    action: 'signin',
    providerId: 'oauth-ref',
    method: 'POST',
    body: { csrfToken: token, callbackUrl: '/notes' },
    cookies: { 'web.csrf-token': cookie },
  });
  expect(response.redirect).toBeDefined();
  return {
    url: new URL(response.redirect!),
    cookies: { ...jar(response.cookies), 'web.csrf-token': cookie },
    setCookies: response.cookies ?? [],
  };
}

beforeAll(async () => {
  issuer = await startFakeIssuer('oauth-ref-web', 'test-secret');
  database = await createTestDatabase('sqlite');
  config = parseWebConfig({
    OAUTH_ISSUER: issuer.issuer,
    OAUTH_CLIENT_SECRET: 'test-secret',
    NODE_ENV: 'test',
  });
  vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
  setSecurityLogSink((line) => securityLog.push(line));
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await issuer.close();
  await database.dispose();
});

beforeEach(() => {
  securityLog.length = 0;
});

describe('sign-in with next-auth against an OIDC provider', () => {
  it('sends state, nonce, PKCE S256, the exact redirect URI, minimal scopes and the API as resource', async () => {
    const { url, setCookies } = await startSignIn();
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer.issuer}/auth`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: 'oauth-ref-web',
      redirect_uri: 'http://localhost:3000/api/auth/callback/oauth-ref',
      scope: 'openid profile email offline_access notes:read notes:write',
      resource: 'http://localhost:3333',
      prompt: 'consent',
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/.{20,}/);
    expect(params.nonce).toMatch(/.{20,}/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(params).not.toHaveProperty('code_verifier');
    // The verifier, state and nonce live in encrypted, HttpOnly, SameSite=Lax cookies named web.* (plus the callback URL).
    const names = setCookies.map((cookie) => cookie.name).sort();
    expect(names).toEqual(['web.callback-url', 'web.nonce', 'web.pkce.code_verifier', 'web.state']);
    for (const cookie of setCookies) {
      expect(cookie.options).toMatchObject({
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: false,
      });
      expect(cookie.value).not.toContain(params.code_challenge);
    }
  });

  it('completes: creates a database session, stores tokens server-side, and /api/auth/session carries no token', async () => {
    const { url, cookies } = await startSignIn();
    const code = issuer.authorize(url.toString());
    const callback = await handle({
      action: 'callback',
      providerId: 'oauth-ref',
      method: 'GET',
      query: { code, state: url.searchParams.get('state'), iss: issuer.issuer },
      cookies,
    });
    expect(callback.redirect).toBe('http://localhost:3000/notes');
    const session = callback.cookies?.find((cookie) => cookie.name === 'web.session-token');
    expect(session?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
    // The token request was authenticated and carried the PKCE verifier.
    const tokenRequest = issuer.tokenRequests.at(-1)!;
    expect(tokenRequest.get('grant_type')).toBe('authorization_code');
    expect(tokenRequest.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);
    expect(tokenRequest.get('redirect_uri')).toBe(
      'http://localhost:3000/api/auth/callback/oauth-ref',
    );

    const account = await database.prisma.account.findFirstOrThrow({
      where: { provider: 'oauth-ref' },
    });
    expect(account.access_token).toBeTruthy();
    expect(account.refresh_token).toBeTruthy();
    expect(account.token_type).toBe('bearer');

    const sessionResponse = await handle({
      action: 'session',
      method: 'GET',
      cookies: { 'web.session-token': session!.value },
    });
    expect(sessionResponse.body).toMatchObject({
      user: { name: 'Alice Liddell', email: 'alice@example.com' },
    });
    const body = JSON.stringify(sessionResponse.body);
    for (const token of issuer.issuedTokens) expect(body).not.toContain(token);
    expect(body).not.toMatch(/eyJ|access_token|refresh_token|id_token/);
    expect(Object.keys((sessionResponse.body as { user: object }).user).sort()).toEqual([
      'email',
      'name',
    ]);

    // A second sign-in of the same user replaces the stored tokens (next-auth v4 alone would not).
    const again = await startSignIn();
    const code2 = issuer.authorize(again.url.toString());
    await handle({
      action: 'callback',
      providerId: 'oauth-ref',
      method: 'GET',
      query: { code: code2, state: again.url.searchParams.get('state'), iss: issuer.issuer },
      cookies: again.cookies,
    });
    const updated = await database.prisma.account.findFirstOrThrow({ where: { id: account.id } });
    expect(updated.refresh_token).not.toBe(account.refresh_token);
    // Security log lines never contain a token.
    for (const line of securityLog)
      for (const token of issuer.issuedTokens) expect(line).not.toContain(token);
  });

  it.each([
    [
      'a wrong iss (RFC 9207 mix-up)',
      (state: string) => ({ state, iss: 'http://evil.example' }),
      /iss mismatch/,
    ],
    [
      'a missing iss although the provider advertises it',
      (state: string) => ({ state }),
      /iss missing/,
    ],
    ['a forged state', () => ({ state: 'forged-state', iss: 'ISSUER' }), /state mismatch/],
  ])(
    'rejects a callback with %s before using the code, and creates no session',
    async (_name, query, reason) => {
      const { url, cookies } = await startSignIn();
      const code = issuer.authorize(url.toString());
      const sessionsBefore = await database.prisma.session.count();
      const tokenRequestsBefore = issuer.tokenRequests.length;
      const built = query(url.searchParams.get('state')!) as Record<string, string>;
      if (built.iss === 'ISSUER') built.iss = issuer.issuer;
      const response = await handle({
        action: 'callback',
        providerId: 'oauth-ref',
        method: 'GET',
        query: { code, ...built },
        cookies,
      });
      expect(response.redirect).toMatch(/\/auth\/error\?error=OAuthCallback$/);
      expect(issuer.tokenRequests.length).toBe(tokenRequestsBefore);
      expect(await database.prisma.session.count()).toBe(sessionsBefore);
      expect(securityLog.join('\n')).toMatch(reason);
    },
  );

  it('rejects a replayed code (the provider answers invalid_grant) without a session', async () => {
    const { url, cookies } = await startSignIn();
    const code = issuer.authorize(url.toString());
    const query = { code, state: url.searchParams.get('state'), iss: issuer.issuer };
    const first = await handle({
      action: 'callback',
      providerId: 'oauth-ref',
      method: 'GET',
      query,
      cookies,
    });
    expect(first.redirect).toBe('http://localhost:3000/notes');
    const sessionsBefore = await database.prisma.session.count();
    const replay = await handle({
      action: 'callback',
      providerId: 'oauth-ref',
      method: 'GET',
      query,
      cookies,
    });
    expect(replay.redirect).toMatch(/error=OAuthCallback/);
    expect(await database.prisma.session.count()).toBe(sessionsBefore);
    expect(securityLog.join('\n')).toMatch(/invalid_grant/);
  });

  it('refuses to start a sign-in without the CSRF token', async () => {
    const response = await handle({
      action: 'signin',
      providerId: 'oauth-ref',
      method: 'POST',
      body: { callbackUrl: '/' },
    });
    expect(response.redirect ?? '').not.toContain(issuer.issuer);
  });

  it('sends an off-site callbackUrl back to this origin', async () => {
    const { token, cookie } = csrf(config.nextAuthSecret);
    const response = await handle({
      action: 'signin',
      providerId: 'oauth-ref',
      method: 'POST',
      body: { csrfToken: token, callbackUrl: 'https://evil.example/steal' },
      cookies: { 'web.csrf-token': cookie },
    });
    const callbackCookie = response.cookies?.find((c) => c.name === 'web.callback-url');
    expect(callbackCookie?.value ?? 'http://localhost:3000/').toBe('http://localhost:3000/');
    expect(securityLog.join('\n')).toContain('redirect.blocked');
  });
});
