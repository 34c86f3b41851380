/**
 * RFC 7009 §2.1: on sign-out a public client revokes its refresh token (`token_type_hint`
 * `refresh_token`), which with most providers also ends the grant's access tokens. Revocation is
 * best effort: local state is cleared whatever the answer.
 */
import type * as oauth from 'oauth4webapi';
import { revokeToken } from '@oauth-ref/token-types';
import { PkceClientError } from './errors/pkce-client-error.js';
import type { PkceClientSettings } from './settings.js';

/**
 * Revokes `refreshToken` at the provider's revocation endpoint.
 *
 * @example
 * await revokeRefreshToken(as, settings, tokens.refreshToken);
 */
export async function revokeRefreshToken(
  as: oauth.AuthorizationServer,
  settings: PkceClientSettings,
  refreshToken: string,
): Promise<void> {
  try {
    if (!as.revocation_endpoint) throw new Error('the provider has no revocation_endpoint');
    // A public client: no secret, client_id in the body (shared with the web app's revocation).
    await revokeToken({
      revocationEndpoint: as.revocation_endpoint,
      token: refreshToken,
      tokenTypeHint: 'refresh_token',
      clientId: settings.clientId,
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
    });
  } catch (error) {
    throw new PkceClientError(
      'revocation_failed',
      error instanceof Error ? error.message : String(error),
      { cause: error },
    );
  }
}
