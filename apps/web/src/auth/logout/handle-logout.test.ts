import { randomUUID } from 'node:crypto';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the app loads @oauth-ref/db at run time (not bundled, see src/db/prisma.ts); tests import it directly
import { createTestDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebConfig, type WebConfig } from '../../config/config-schema';
import { setSecurityLogSink } from '../../security/log-security-event';
import { startFakeIssuer, type FakeIssuer } from '../testing/fake-issuer';
import { handleLogout, LOGOUT_STATE_COOKIE } from './handle-logout';

let issuer: FakeIssuer;
let database: TestDatabase;
let config: WebConfig;
const log: string[] = [];

beforeAll(async () => {
  issuer = await startFakeIssuer('oauth-ref-web', 'test-secret');
  database = await createTestDatabase('sqlite');
  config = parseWebConfig({
    OAUTH_ISSUER: issuer.issuer,
    OAUTH_CLIENT_SECRET: 'test-secret',
    NODE_ENV: 'test',
  });
  setSecurityLogSink((line) => log.push(line));
}, 60_000);

afterAll(async () => {
  await issuer.close();
  await database.dispose();
});

async function signedInUser() {
  const { prisma } = database;
  const user = await prisma.user.create({ data: { name: 'Alice' } });
  await prisma.account.create({
    data: {
      userId: user.id,
      type: 'oauth',
      provider: 'oauth-ref',
      providerAccountId: randomUUID(),
      access_token: 'at',
      refresh_token: `rt-${randomUUID()}`,
      id_token: 'header.payload.signature',
      expires_at: 1,
    },
  });
  const sessionToken = randomUUID();
  await prisma.session.create({
    data: { userId: user.id, sessionToken, expires: new Date(Date.now() + 60_000) },
  });
  await prisma.session.create({
    data: { userId: user.id, sessionToken: randomUUID(), expires: new Date(Date.now() + 60_000) },
  });
  return { userId: user.id, sessionToken };
}

const logoutRequest = (headers: Record<string, string>) =>
  new NextRequest('http://localhost:3000/api/logout', { method: 'POST', headers });

describe('handleLogout', () => {
  it('revokes the refresh token, ends every session, clears the cookie and redirects to end_session', async () => {
    const { userId, sessionToken } = await signedInUser();
    const { refresh_token } = await database.prisma.account.findFirstOrThrow({ where: { userId } });
    const response = await handleLogout(
      logoutRequest({
        origin: 'http://localhost:3000',
        cookie: `web.session-token=${sessionToken}`,
      }),
      config,
      database.prisma,
    );
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer.issuer}/session/end`);
    expect(location.searchParams.get('id_token_hint')).toBe('header.payload.signature');
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(
      'http://localhost:3000/signed-out',
    );
    expect(location.searchParams.get('client_id')).toBe('oauth-ref-web');
    const cookies = response.headers.getSetCookie();
    expect(cookies).toContain('web.session-token=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
    const stateCookie = cookies.find((cookie) => cookie.startsWith(`${LOGOUT_STATE_COOKIE}=`));
    expect(stateCookie).toContain(`${LOGOUT_STATE_COOKIE}=${location.searchParams.get('state')};`);

    expect(issuer.revocations.at(-1)?.get('token')).toBe(refresh_token);
    expect(issuer.revocations.at(-1)?.get('token_type_hint')).toBe('refresh_token');
    expect(await database.prisma.session.count({ where: { userId } })).toBe(0);
    expect(await database.prisma.account.findFirstOrThrow({ where: { userId } })).toMatchObject({
      access_token: null,
      refresh_token: null,
      id_token: null,
    });
    expect(log.join('\n')).not.toContain(refresh_token!);
  });

  it('refuses a cross-site POST and leaves the session alone', async () => {
    const { userId, sessionToken } = await signedInUser();
    const response = await handleLogout(
      logoutRequest({
        origin: 'https://evil.example',
        cookie: `web.session-token=${sessionToken}`,
      }),
      config,
      database.prisma,
    );
    expect(response.status).toBe(403);
    expect(await database.prisma.session.count({ where: { userId } })).toBe(2);
  });

  it('without a session, just clears cookies and shows the signed-out page', async () => {
    const response = await handleLogout(
      logoutRequest({ 'sec-fetch-site': 'same-origin' }),
      config,
      database.prisma,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('http://localhost:3000/signed-out');
  });
});
