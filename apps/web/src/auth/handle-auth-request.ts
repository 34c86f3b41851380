/**
 * Wraps next-auth's route handler to record what the flow inspector shows and to log security
 * events, without touching the protocol work next-auth/openid-client do:
 * - sign-in: the query string is dropped (next-auth would merge it into the authorization request,
 *   letting a crafted link change `scope`, `prompt` or `redirect_uri`); the provider is checked to be
 *   up first; the authorization request's parameters are recorded (code_challenge; the verifier
 *   only ever exists in the encrypted `web.pkce.code_verifier` cookie).
 * - callback: the redirect's parameters are recorded with `code` redacted; a rejected callback
 *   (state/iss/nonce mismatch, reused code, provider error) is recorded and logged and ends on our
 *   error page with a specific reason; a successful one hands the anonymous steps to the user.
 */
import type { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import type { WebConfig } from '../config/config';
import type { PrismaClient } from '@oauth-ref/db';
import { flowContext, type FlowContext } from '../flow/flow-context';
import { createFlowEventStore } from '../flow/flow-event-store';
import { flowIdFromState } from '../flow/flow-id';
import { logSecurityEvent, scrubText } from '../security/log-security-event';
import { buildAuthOptions } from './auth-options';
import { classifySignInFailure } from './classify-sign-in-failure';
import { chooseIdTokenAlgorithm, PROVIDER_ID } from './oauth-ref-provider';
import { discoverProvider } from './oidc/discover-provider';
import { ProviderUnavailableError } from '@oauth-ref/web-auth';

export interface RouteContext {
  params: Promise<{ nextauth?: string[] }>;
}

function redirectTo(location: string, asJson: boolean): Response {
  if (asJson) return Response.json({ url: location });
  return new Response(null, { status: 302, headers: { location } });
}

function locationOf(response: Response): string | null {
  return response.headers.get('location');
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
): Promise<Response> {
  const [action, providerId] = (await context.params).nextauth ?? [];
  const flows = createFlowEventStore(prisma);
  const errorPage = (error: string) =>
    `${config.baseUrl}/auth/error?error=${encodeURIComponent(error)}`;

  if (action === 'signout') {
    // next-auth's own sign-out would only delete the local session; ours also revokes the refresh
    // token and ends the provider session (RP-initiated logout).
    return redirectTo(`${config.baseUrl}/logout`, false);
  }

  let idTokenAlgorithm = 'RS256';
  const isOurFlow = providerId === PROVIDER_ID && (action === 'signin' || action === 'callback');
  if (isOurFlow) {
    try {
      idTokenAlgorithm = chooseIdTokenAlgorithm(
        (
          (await discoverProvider(config.issuer)) as {
            id_token_signing_alg_values_supported?: string[];
          }
        ).id_token_signing_alg_values_supported,
      );
    } catch (error) {
      const reason = error instanceof Error ? scrubText(error.message) : 'discovery failed';
      logSecurityEvent('provider.unavailable', { action, reason });
      const kind =
        error instanceof ProviderUnavailableError ? 'ProviderUnavailable' : 'ProviderMisconfigured';
      const asJson = action === 'signin' && request.method === 'POST';
      return redirectTo(errorPage(kind), asJson);
    }
  }
  const handler = NextAuth(buildAuthOptions(config, prisma, idTokenAlgorithm)) as unknown as (
    req: NextRequest,
    ctx: RouteContext,
  ) => Promise<Response>;

  if (action === 'signin' && providerId === PROVIDER_ID && request.method === 'POST') {
    request.nextUrl.search = '';
    const store: FlowContext = { flowId: 'signin-starting' };
    const response = await flowContext.run(store, () => handler(request, context));
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
    if (store.lastError !== undefined) {
      // next-auth could not build the authorization request (typically: discovery failed).
      const failure = classifySignInFailure({ providerError: null, reason: store.lastError });
      const error = failure.error === 'ProviderUnavailable' ? 'ProviderUnavailable' : 'OAuthSignin';
      logSecurityEvent('signin.failed', { error, reason: failure.reason });
      return redirectTo(errorPage(error), response.headers.get('location') === null);
    }
    return response;
  }

  if (action === 'callback' && providerId === PROVIDER_ID) {
    const query = Object.fromEntries(request.nextUrl.searchParams);
    const flowId = flowIdFromState(query.state ?? '');
    const recorded = { ...query };
    if (recorded.code)
      recorded.code = `[redacted authorization code, ${recorded.code.length} characters]`;
    await flows.record({ userId: null, flowId, step: 'callback', detail: { params: recorded } });
    const store: FlowContext = { flowId };
    const response = await flowContext.run(store, () => handler(request, context));
    const location = locationOf(response);
    if (store.userId) {
      await flows.claim(flowId, store.userId);
      return response;
    }
    const failure = classifySignInFailure({
      providerError: query.error ?? null,
      reason: store.lastError ?? null,
    });
    await flows.record({
      userId: null,
      flowId,
      step: 'callback_rejected',
      detail: { error: failure.error, reason: failure.reason },
    });
    logSecurityEvent(
      failure.error === 'AccessDenied' ? 'callback.access_denied' : 'callback.rejected',
      {
        flowId,
        error: failure.error,
        reason: failure.reason,
      },
    );
    if (location && response.status >= 300 && response.status < 400) {
      // Keep next-auth's cookie clean-up (state/pkce/nonce), but send the user to the precise page.
      const rewritten = new Response(null, { status: 302, headers: response.headers });
      rewritten.headers.set('location', errorPage(failure.error));
      return rewritten;
    }
    return response;
  }

  return handler(request, context);
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
