/**
 * RFC 7009 token revocation as a confidential client. Best effort: logout must not fail because
 * the provider is down, so the outcome is returned, not thrown.
 */
import { basicAuthorization } from './client-authentication';

export interface RevokeTokenRequest {
  readonly revocationEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly token: string;
  readonly tokenTypeHint: 'refresh_token' | 'access_token';
}

/**
 * @example
 * const outcome = await revokeToken({ revocationEndpoint, clientId, clientSecret, token, tokenTypeHint: 'refresh_token' });
 * outcome; // 'revoked' | 'failed'
 */
export async function revokeToken(
  request: RevokeTokenRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<'revoked' | 'failed'> {
  try {
    const response = await fetchImpl(request.revocationEndpoint, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(request.clientId, request.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: request.token, token_type_hint: request.tokenTypeHint }),
      signal: AbortSignal.timeout(5000),
    });
    return response.ok ? 'revoked' : 'failed';
  } catch {
    return 'failed';
  }
}
