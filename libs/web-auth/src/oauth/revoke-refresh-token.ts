/**
 * Logout step 1, RFC 7009 token revocation of the user's refresh token as a confidential client
 * (client_secret_basic, through `@oauth-ref/token-types`). Best effort: logout must not fail
 * because the provider is down, so the outcome is returned, not thrown.
 */
import { revokeToken } from '@oauth-ref/token-types';
import type { ProviderMetadata } from './discover-provider.js';

/**
 * What revocation needs; `metadata` is null when discovery failed.
 *
 * @example
 * const request: RevokeRefreshTokenRequest = { metadata, clientId, clientSecret, refreshToken: account.refresh_token };
 */
export interface RevokeRefreshTokenRequest {
  readonly metadata: Pick<ProviderMetadata, 'revocation_endpoint'> | null;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string | null;
  readonly fetch?: typeof fetch;
}

/**
 * `skipped` when there is no refresh token or the provider offers no revocation endpoint.
 *
 * @example
 * const outcome = await revokeRefreshToken({ metadata, clientId, clientSecret, refreshToken });
 * if (outcome === 'failed') logSecurityEvent('logout.revocation_failed', { userId });
 */
export async function revokeRefreshToken(
  request: RevokeRefreshTokenRequest,
): Promise<'revoked' | 'failed' | 'skipped'> {
  const endpoint = request.metadata?.revocation_endpoint;
  if (!request.refreshToken || !endpoint) return 'skipped';
  try {
    await revokeToken({
      revocationEndpoint: endpoint,
      token: request.refreshToken,
      tokenTypeHint: 'refresh_token',
      clientId: request.clientId,
      clientSecret: request.clientSecret,
      ...(request.fetch ? { fetch: request.fetch } : {}),
    });
    return 'revoked';
  } catch {
    return 'failed';
  }
}
