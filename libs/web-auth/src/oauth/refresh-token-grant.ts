/**
 * RFC 6749 §6 refresh_token grant as a confidential client (client_secret_basic), asking again for
 * the API as the RFC 8707 `resource`. `invalid_grant` (expired, revoked or reused refresh token)
 * becomes RefreshRejectedError; network errors and 5xx become ProviderUnavailableError. Both the
 * success (RFC 6749 §5.1) and the error (§5.2) bodies are validated with `@oauth-ref/token-types`.
 */
import {
  clientSecretBasic,
  tokenErrorResponseSchema,
  tokenResponseSchema,
} from '@oauth-ref/token-types';
import {
  ProviderErrorResponse,
  ProviderUnavailableError,
  RefreshRejectedError,
} from '../errors.js';
import type { RefreshedTokens } from '../token-store.js';

/**
 * The grant's inputs.
 *
 * @example
 * const request: RefreshGrantRequest = { tokenEndpoint, clientId, clientSecret, refreshToken, resource: 'http://localhost:3333' };
 */
export interface RefreshGrantRequest {
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly resource?: string;
  /** Narrows the grant's scope (RFC 6749 §6), e.g. to OIDC scopes only for a UserInfo token. */
  readonly scope?: string;
}

/**
 * The new tokens, with the lifetime as sent (`expiresIn`) and as a time (`expiresAt`).
 *
 * @example
 * const { accessToken, expiresAt }: RefreshGrantResult = await refreshTokenGrant(request);
 */
export interface RefreshGrantResult extends RefreshedTokens {
  readonly expiresIn: number | null;
}

/**
 * @example
 * const tokens = await refreshTokenGrant({ tokenEndpoint, clientId, clientSecret, refreshToken, resource: 'http://localhost:3333' });
 */
export async function refreshTokenGrant(
  request: RefreshGrantRequest,
  fetchImpl: typeof fetch = fetch,
  nowMs: number = Date.now(),
): Promise<RefreshGrantResult> {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: request.refreshToken,
  });
  if (request.resource) body.set('resource', request.resource);
  if (request.scope) body.set('scope', request.scope);
  let response: Response;
  try {
    response = await fetchImpl(request.tokenEndpoint, {
      method: 'POST',
      headers: {
        authorization: clientSecretBasic(request.clientId, request.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new ProviderUnavailableError(
      error instanceof Error ? error.message : 'token request failed',
    );
  }
  if (response.status >= 500)
    throw new ProviderUnavailableError(`token endpoint answered ${response.status}`);
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    // Only `error` decides; a malformed error_description must not hide an invalid_grant.
    const error = tokenErrorResponseSchema.pick({ error: true }).safeParse(json);
    const code = error.success ? error.data.error : 'invalid_response';
    if (code === 'invalid_grant') throw new RefreshRejectedError(code);
    throw new ProviderErrorResponse(code, response.status);
  }
  const parsed = tokenResponseSchema.safeParse(json);
  // A confidential client without DPoP: a sender-constrained (DPoP) token would be unusable here.
  if (!parsed.success || parsed.data.token_type !== 'Bearer') {
    throw new ProviderErrorResponse('invalid_token_response', response.status);
  }
  const tokens = parsed.data;
  const expiresIn = tokens.expires_in ?? null;
  return {
    accessToken: tokens.access_token,
    ...(tokens.refresh_token !== undefined ? { refreshToken: tokens.refresh_token } : {}),
    ...(tokens.id_token !== undefined ? { idToken: tokens.id_token } : {}),
    ...(tokens.scope !== undefined ? { scope: tokens.scope } : {}),
    tokenType: tokens.token_type,
    expiresIn,
    expiresAt: expiresIn === null ? null : Math.floor(nowMs / 1000) + expiresIn,
  };
}
