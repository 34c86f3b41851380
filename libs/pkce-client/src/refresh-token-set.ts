/**
 * RFC 6749 §6 + RFC 9700 §4.14.2: refresh as a public client. Public clients' refresh tokens are
 * sender-unconstrained, so the provider rotates them: each use returns a new refresh token and the
 * old one becomes invalid; presenting an old one again is treated as theft and revokes the grant.
 * An `invalid_grant` answer therefore ends the session (`refresh_token_rejected`).
 * RFC 9449 §5 / RFC 9700 §4.14.2: with a DPoP handle the refresh request carries a proof; a public
 * client's refresh token is bound to that key, so the provider refuses it without a proof signed
 * by the same key — a copied refresh token is useless on its own.
 */
import * as oauth from 'oauth4webapi';
import { PkceClientError } from './errors/pkce-client-error.js';
import { retryOnceOnDpopNonce } from './dpop/retry-once-on-dpop-nonce.js';
import { mapTokenEndpointError } from './errors/map-token-endpoint-error.js';
import { type PkceClientSettings, toOauthClient, toRequestOptions } from './settings.js';
import { type TokenSet, toTokenSet } from './token-set.js';

/** A refreshed token set, and whether the provider rotated the refresh token. */
export interface RefreshResult {
  readonly tokenSet: TokenSet;
  readonly rotated: boolean;
}

/**
 * Uses `refreshToken` once and returns the next token set.
 *
 * @example
 * const { tokenSet, rotated } = await refreshTokenSet(as, settings, current, current.refreshToken);
 * rotated; // true with a rotating provider: current.refreshToken must never be used again
 */
export async function refreshTokenSet(
  as: oauth.AuthorizationServer,
  settings: PkceClientSettings,
  current: TokenSet | undefined,
  refreshToken: string | null | undefined,
  now: () => number = Date.now,
): Promise<RefreshResult> {
  if (!refreshToken) throw new PkceClientError('no_refresh_token');
  const client = toOauthClient(settings);
  try {
    const result = await retryOnceOnDpopNonce(settings.dpop, async () => {
      const response = await oauth.refreshTokenGrantRequest(
        as,
        client,
        oauth.None(),
        refreshToken,
        {
          ...toRequestOptions(settings),
          ...(settings.dpop ? { DPoP: settings.dpop } : {}),
          ...(settings.resource ? { additionalParameters: { resource: settings.resource } } : {}),
        },
      );
      return oauth.processRefreshTokenResponse(as, client, response);
    });
    const tokenSet = toTokenSet(result, {
      requestedScope: settings.scope,
      now: now(),
      previous: current ? { ...current, refreshToken } : undefined,
    });
    return {
      tokenSet,
      rotated: result.refresh_token !== undefined && result.refresh_token !== refreshToken,
    };
  } catch (error) {
    throw mapTokenEndpointError(error, 'refresh_token');
  }
}
