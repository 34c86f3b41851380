/**
 * RFC 7009 §2.1: on sign-out a public client revokes its refresh token (`token_type_hint`
 * `refresh_token`), which with most providers also ends the grant's access tokens. Revocation is
 * best effort: local state is cleared whatever the answer.
 */
import * as oauth from 'oauth4webapi';
import { PkceClientError } from './errors/pkce-client-error.js';
import { type PkceClientSettings, toOauthClient, toRequestOptions } from './settings.js';

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
    const response = await oauth.revocationRequest(
      as,
      toOauthClient(settings),
      oauth.None(),
      refreshToken,
      { ...toRequestOptions(settings), additionalParameters: { token_type_hint: 'refresh_token' } },
    );
    await oauth.processRevocationResponse(response);
  } catch (error) {
    throw new PkceClientError(
      'revocation_failed',
      error instanceof Error ? error.message : String(error),
      { cause: error },
    );
  }
}
