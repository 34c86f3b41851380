/**
 * Logout that really ends the provider session:
 * 1. only a same-origin POST is honoured (Origin / Sec-Fetch-Site; the session cookie is SameSite=Lax
 *    so a cross-site POST would not carry it anyway);
 * 2. the refresh token is revoked at the provider (RFC 7009, best effort);
 * 3. the user's sessions and stored tokens are deleted and the session cookie cleared;
 * 4. the browser is sent to the provider's end_session_endpoint with `id_token_hint`, `client_id`,
 *    the registered `post_logout_redirect_uri` and a `state` kept in a short-lived cookie
 *    (OpenID Connect RP-Initiated Logout 1.0), so the next sign-in asks for credentials again.
 */
import { randomBytes } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { PrismaClient } from '@oauth-ref/db';
import type { WebConfig } from '../../config/config';
import { logSecurityEvent } from '../../security/log-security-event';
import { buildCookieOptions, SESSION_COOKIE, WEB_COOKIE_PREFIX } from '../cookie-names';
import { PROVIDER_ID } from '../oauth-ref-provider';
import { buildEndSessionUrl } from '../oidc/build-end-session-url';
import { discoverProvider } from '../oidc/discover-provider';
import { revokeToken } from '../oidc/revoke-token';

export const LOGOUT_STATE_COOKIE = `${WEB_COOKIE_PREFIX}logout-state`;

function serializeCookie(name: string, value: string, maxAge: number, secure: boolean): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

export function isSameOriginPost(request: Request, baseUrl: string): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === baseUrl;
  const site = request.headers.get('sec-fetch-site');
  return site === 'same-origin';
}

/**
 * @example
 * export const POST = (request: NextRequest) => handleLogout(request, config, getPrisma());
 */
export async function handleLogout(
  request: NextRequest,
  config: WebConfig,
  prisma: PrismaClient,
): Promise<Response> {
  if (!isSameOriginPost(request, config.baseUrl)) {
    logSecurityEvent('logout.csrf_blocked', { origin: request.headers.get('origin') });
    return new Response('Cross-site logout request refused', { status: 403 });
  }
  const headers = new Headers();
  for (const name of [
    SESSION_COOKIE,
    buildCookieOptions(false).csrfToken.name,
    buildCookieOptions(false).callbackUrl.name,
  ]) {
    headers.append('set-cookie', serializeCookie(name, '', 0, config.secureCookies));
  }
  const sessionToken = request.cookies.get(SESSION_COOKIE)?.value;
  const session = sessionToken
    ? await prisma.session.findUnique({ where: { sessionToken }, select: { userId: true } })
    : null;
  if (!session) {
    headers.set('location', `${config.baseUrl}/signed-out`);
    return new Response(null, { status: 303, headers });
  }
  const account = await prisma.account.findFirst({
    where: { userId: session.userId, provider: PROVIDER_ID },
  });
  const metadata = await discoverProvider(config.issuer).catch(() => null);
  if (account?.refresh_token && metadata?.revocation_endpoint) {
    const outcome = await revokeToken({
      revocationEndpoint: metadata.revocation_endpoint,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      token: account.refresh_token,
      tokenTypeHint: 'refresh_token',
    });
    if (outcome === 'failed')
      logSecurityEvent('logout.revocation_failed', { userId: session.userId });
  }
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { userId: session.userId } }),
    prisma.account.updateMany({
      where: { userId: session.userId, provider: PROVIDER_ID },
      data: {
        access_token: null,
        refresh_token: null,
        id_token: null,
        expires_at: null,
        refreshLeaseId: null,
        refreshLeaseUntil: null,
      },
    }),
  ]);
  logSecurityEvent('logout', {
    userId: session.userId,
    providerLogout: Boolean(metadata?.end_session_endpoint),
  });
  if (!metadata?.end_session_endpoint) {
    headers.set(
      'location',
      `${config.baseUrl}/signed-out?provider=${metadata ? 'no-end-session' : 'unreachable'}`,
    );
    return new Response(null, { status: 303, headers });
  }
  const state = randomBytes(16).toString('base64url');
  headers.append(
    'set-cookie',
    serializeCookie(LOGOUT_STATE_COOKIE, state, 600, config.secureCookies),
  );
  headers.set(
    'location',
    buildEndSessionUrl({
      endSessionEndpoint: metadata.end_session_endpoint,
      idToken: account?.id_token ?? null,
      clientId: config.clientId,
      postLogoutRedirectUri: config.postLogoutRedirectUri,
      state,
    }),
  );
  return new Response(null, { status: 303, headers });
}
