/**
 * Wraps next-auth's route handler to record what the flow inspector shows and to log security
 * events, without touching the protocol work next-auth/openid-client do:
 * - sign-in: the query string is dropped (next-auth would merge it into the authorization request,
 *   letting a crafted link change `scope`, `prompt` or `redirect_uri`); the provider is checked to be
 *   up first; the authorization request's parameters are recorded (code_challenge; the verifier
 *   only ever exists in the encrypted `web.pkce.code_verifier` cookie).
 * - callback: the redirect's parameters are recorded with `code` redacted; a rejected callback
 *   (state/iss/nonce mismatch, reused code, provider error) is recorded and logged and ends on our
 *   error page with a specific reason; on success next-auth's signIn event (built with this
 *   request's flow id) records the token response and hands the anonymous steps to the user.
 * Data flows one way: the flow id goes into next-auth's options, and `runNextAuth` returns the
 * response, next-auth's logged errors and whether the user was signed in. No state is shared.
 */
import { NextRequest } from 'next/server';
import NextAuth, { type AuthOptions } from 'next-auth';
import type { PrismaClient } from '@oauth-ref/db';
import {
  chooseIdTokenAlgorithm,
  classifySignInFailure,
  discoverProvider,
  flowIdFromState,
  ProviderUnavailableError,
  redactCallbackParams,
  runNextAuth,
} from '@oauth-ref/web-auth';
import type { WebConfig } from '../config/config';
import { createFlowEventStore } from '../flow/flow-event-store';
import { logSecurityEvent, scrubText } from '../security/log-security-event';
import { buildAuthOptions } from './auth-options';
import { PROVIDER_ID } from './oauth-ref-provider';

export interface RouteContext {
  params: Promise<{ nextauth?: string[] }>;
}

/** Runs next-auth's App Router handler with the given options (replaceable in tests). */
export type NextAuthRoute = (
  options: AuthOptions,
  request: NextRequest,
  context: RouteContext,
) => Promise<Response>;

const nextAuthRoute: NextAuthRoute = (options, request, context) =>
  (NextAuth(options) as unknown as (req: NextRequest, ctx: RouteContext) => Promise<Response>)(
    request,
    context,
  );

function redirectTo(location: string, asJson: boolean): Response {
  if (asJson) return Response.json({ url: location });
  return new Response(null, { status: 302, headers: { location } });
}

/**
 * @example
 * const handler = (req: NextRequest, ctx: RouteContext) => handleAuthRequest(req, ctx, config, getPrisma());
 * export { handler as GET, handler as POST };
 */
export async function handleAuthRequest(
  request: NextRequest,
  context: RouteContext,
  config: WebConfig,
  prisma: PrismaClient,
  route: NextAuthRoute = nextAuthRoute,
): Promise<Response> {
  const [action, providerId] = (await context.params).nextauth ?? [];
  const flows = createFlowEventStore(prisma);
  const errorPage = (error: string) =>
    `${config.baseUrl}/auth/error?error=${encodeURIComponent(error)}`;
  const handle = (options: AuthOptions) => route(options, request, context);

  if (action === 'signout') {
    // next-auth's own sign-out would only delete the local session; ours also revokes the refresh
    // token and ends the provider session (RP-initiated logout).
    return redirectTo(`${config.baseUrl}/logout`, false);
  }

  let idTokenAlgorithm = 'RS256';
  const isOurFlow = providerId === PROVIDER_ID && (action === 'signin' || action === 'callback');
  if (isOurFlow) {
    try {
      const metadata = await discoverProvider(config.issuer);
      idTokenAlgorithm = chooseIdTokenAlgorithm(metadata.id_token_signing_alg_values_supported);
    } catch (error) {
      const reason = error instanceof Error ? scrubText(error.message) : 'discovery failed';
      logSecurityEvent('provider.unavailable', { action, reason });
      const kind =
        error instanceof ProviderUnavailableError ? 'ProviderUnavailable' : 'ProviderMisconfigured';
      const asJson = action === 'signin' && request.method === 'POST';
      return redirectTo(errorPage(kind), asJson);
    }
  }

  if (action === 'signin' && providerId === PROVIDER_ID && request.method === 'POST') {
    // next-auth merges the query string into the authorization request: a crafted link could
    // change scope, prompt or redirect_uri. next-auth gets a copy of the request without it, so
    // only the configured parameters are sent. (A copy, not `nextUrl.search = ''`: in a built app
    // Next hands route handlers a proxied request, and that mutation did not reach next-auth.)
    const withoutQuery = await withoutQueryString(request);
    const options = buildAuthOptions(config, prisma, idTokenAlgorithm);
    const { response, errors } = await runNextAuth(options, (observed) =>
      route(observed, withoutQuery, context),
    );
    const target = await authorizationTarget(response);
    if (target && target.origin === new URL(config.issuer).origin) {
      const params = Object.fromEntries(target.searchParams);
      const flowId = flowIdFromState(params.state ?? '');
      await flows.record({
        userId: null,
        flowId,
        step: 'authorization_request',
        detail: { endpoint: `${target.origin}${target.pathname}`, params },
      });
      logSecurityEvent('signin.started', { flowId });
      return response;
    }
    const lastError = errors.at(-1);
    if (lastError !== undefined) {
      // next-auth could not build the authorization request (typically: discovery failed).
      const failure = classifySignInFailure({ providerError: null, reason: lastError });
      const error = failure.error === 'ProviderUnavailable' ? 'ProviderUnavailable' : 'OAuthSignin';
      logSecurityEvent('signin.failed', { error, reason: failure.reason });
      return redirectTo(errorPage(error), response.headers.get('location') === null);
    }
    return response;
  }

  if (action === 'callback' && providerId === PROVIDER_ID) {
    const query = Object.fromEntries(request.nextUrl.searchParams);
    const flowId = flowIdFromState(query.state ?? '');
    await flows.record({
      userId: null,
      flowId,
      step: 'callback',
      detail: { params: redactCallbackParams(query) },
    });
    const options = buildAuthOptions(config, prisma, idTokenAlgorithm, flowId);
    const { response, errors, signedIn } = await runNextAuth(options, handle);
    if (signedIn) return response;
    const failure = classifySignInFailure({
      providerError: query.error ?? null,
      reason: errors.at(-1) ?? null,
    });
    await flows.record({
      userId: null,
      flowId,
      step: 'callback_rejected',
      detail: { error: failure.error, reason: failure.reason },
    });
    logSecurityEvent(
      failure.error === 'AccessDenied' ? 'callback.access_denied' : 'callback.rejected',
      { flowId, error: failure.error, reason: failure.reason },
    );
    const location = response.headers.get('location');
    if (location && response.status >= 300 && response.status < 400) {
      // Keep next-auth's cookie clean-up (state/pkce/nonce), but send the user to the precise page.
      const rewritten = new Response(null, { status: 302, headers: response.headers });
      rewritten.headers.set('location', errorPage(failure.error));
      return rewritten;
    }
    return response;
  }

  return handle(buildAuthOptions(config, prisma, idTokenAlgorithm));
}

async function withoutQueryString(request: NextRequest): Promise<NextRequest> {
  const url = new URL(request.url);
  url.search = '';
  return new NextRequest(url, {
    method: request.method,
    headers: request.headers,
    body: await request.text(),
  });
}

async function authorizationTarget(response: Response): Promise<URL | null> {
  const location = response.headers.get('location');
  if (location) return safeUrl(location);
  if (response.headers.get('content-type')?.includes('application/json')) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { url?: string } | null;
    if (body?.url) return safeUrl(body.url);
  }
  return null;
}

function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
