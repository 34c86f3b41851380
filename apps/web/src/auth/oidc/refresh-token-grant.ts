/**
 * RFC 6749 §6 refresh_token grant as a confidential client (client_secret_basic), asking again for
 * the API as the RFC 8707 `resource`. `invalid_grant` (expired, revoked or reused refresh token)
 * becomes RefreshRejectedError; network errors and 5xx become ProviderUnavailableError.
 */
import { z } from 'zod';
import {
  ProviderErrorResponse,
  ProviderUnavailableError,
  RefreshRejectedError,
  type RefreshedTokens,
} from '@oauth-ref/web-auth';
import { basicAuthorization } from './client-authentication';

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().min(1),
  expires_in: z.number().int().nonnegative().optional(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

export interface RefreshGrantRequest {
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly resource?: string;
  /** Narrows the grant's scope (RFC 6749 §6), e.g. to OIDC scopes only for a UserInfo token. */
  readonly scope?: string;
}

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
        authorization: basicAuthorization(request.clientId, request.clientSecret),
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
    const error = z.object({ error: z.string() }).safeParse(json);
    const code = error.success ? error.data.error : 'invalid_response';
    if (code === 'invalid_grant') throw new RefreshRejectedError(code);
    throw new ProviderErrorResponse(code, response.status);
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success || parsed.data.token_type.toLowerCase() !== 'bearer') {
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
