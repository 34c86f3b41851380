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
import { createHash, randomBytes } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { PrismaClient } from '@oauth-ref/db';
import type { WebConfig } from '../../config/config';
import { logSecurityEvent } from '../../security/log-security-event';
import { discoverProvider, endSessionUrl, revokeRefreshToken } from '@oauth-ref/web-auth';
import { SESSION_COOKIE, WEB_COOKIE_PREFIX, webCookies } from '../cookie-names';
import { PROVIDER_ID } from '../oauth-ref-provider';
import { createFlowEventStore } from '../../flow/flow-event-store';

export const LOGOUT_STATE_COOKIE = `${WEB_COOKIE_PREFIX}logout-state`;

function serializeCookie(name: string, value: string, maxAge: number, secure: boolean): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/**
 * The flow id a sign-out is recorded under: a hash of the logout `state`, which only the browser
 * that signed out holds (HttpOnly cookie) and gets back from the provider, so only it can ask
 * /signed-out for the ended session's diagram.
 *
 * @example
 * const events = await flows.endedSession(signOutFlowId(state));
 */
export function signOutFlowId(state: string): string {
  return `sign-out:${createHash('sha256').update(state).digest('base64url')}`;
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
    webCookies(false).csrfToken.name,
    webCookies(false).callbackUrl.name,
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
  const revocation = await revokeRefreshToken({
    metadata,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    refreshToken: account?.refresh_token ?? null,
  });
  if (revocation === 'failed')
    logSecurityEvent('logout.revocation_failed', { userId: session.userId });
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
  const state = randomBytes(16).toString('base64url');
  const providerLogout = endSessionUrl({
    metadata,
    clientId: config.clientId,
    idToken: account?.id_token ?? null,
    postLogoutRedirectUri: config.postLogoutRedirectUri,
    state,
  });
  await recordSignOut(prisma, session.userId, state, revocation, providerLogout);
  if (providerLogout === null) {
    headers.set(
      'location',
      `${config.baseUrl}/signed-out?provider=${metadata ? 'no-end-session' : 'unreachable'}`,
    );
    return new Response(null, { status: 303, headers });
  }
  headers.append(
    'set-cookie',
    serializeCookie(LOGOUT_STATE_COOKIE, state, 600, config.secureCookies),
  );
  headers.set('location', providerLogout);
  return new Response(null, { status: 303, headers });
}

/** The sign-out as a flow event for the diagram; a failure to record never blocks the logout. */
async function recordSignOut(
  prisma: PrismaClient,
  userId: string,
  state: string,
  revocation: 'revoked' | 'failed' | 'skipped',
  providerLogout: string | null,
): Promise<void> {
  const url = providerLogout === null ? null : new URL(providerLogout);
  const params = Object.fromEntries(
    [...(url?.searchParams ?? [])].map(([name, value]) => [
      name,
      name === 'id_token_hint' || name === 'state' ? `[redacted, ${value.length} chars]` : value,
    ]),
  );
  await createFlowEventStore(prisma)
    .record({
      userId,
      flowId: signOutFlowId(state),
      step: 'sign_out',
      detail: {
        revocation,
        endSessionEndpoint: url === null ? null : `${url.origin}${url.pathname}`,
        params,
      },
    })
    .catch((error: unknown) =>
      logSecurityEvent('logout.flow_event_failed', {
        userId,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
}
