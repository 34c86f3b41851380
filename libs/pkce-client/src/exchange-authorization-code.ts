/**
 * RFC 6749 §4.1.3 + RFC 7636 §4.5: exchange the code for tokens, sending the code_verifier and the
 * same redirect_uri, authenticating as a public client (`client_id` only, no secret). The response
 * is processed by oauth4webapi, which validates the ID token per OIDC Core §3.1.3.7: `iss` is the
 * issuer, `aud` contains (and `azp` is) this client, `nonce` is the attempt's nonce, `exp`/`iat`.
 * With a DPoP handle in the settings (RFC 9449 §5) the request carries a proof, and a provider's
 * `use_dpop_nonce` demand is answered once.
 */
import * as oauth from 'oauth4webapi';
import type { AuthorizationAttempt } from './create-authorization-attempt.js';
import { retryOnceOnDpopNonce } from './dpop/retry-once-on-dpop-nonce.js';
import { mapTokenEndpointError } from './errors/map-token-endpoint-error.js';
import { type PkceClientSettings, toOauthClient, toRequestOptions } from './settings.js';
import { type TokenSet, toTokenSet } from './token-set.js';

/**
 * Exchanges a validated callback's code for a {@link TokenSet}.
 *
 * @example
 * const { params } = validateCallback(as, attempt, callbackUrl);
 * const tokens = await exchangeAuthorizationCode(as, settings, attempt, params);
 */
export async function exchangeAuthorizationCode(
  as: oauth.AuthorizationServer,
  settings: PkceClientSettings,
  attempt: AuthorizationAttempt,
  callbackParams: URLSearchParams,
  now: () => number = Date.now,
): Promise<TokenSet> {
  const client = toOauthClient(settings);
  try {
    const result = await retryOnceOnDpopNonce(settings.dpop, async () => {
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        oauth.None(),
        callbackParams,
        attempt.redirectUri,
        attempt.codeVerifier,
        {
          ...toRequestOptions(settings),
          ...(settings.dpop ? { DPoP: settings.dpop } : {}),
          ...(attempt.resource ? { additionalParameters: { resource: attempt.resource } } : {}),
        },
      );
      return oauth.processAuthorizationCodeResponse(as, client, response, {
        expectedNonce: attempt.nonce,
        requireIdToken: attempt.scope.split(' ').includes('openid'),
      });
    });
    return toTokenSet(result, { requestedScope: attempt.scope, now: now() });
  } catch (error) {
    throw mapTokenEndpointError(error, 'authorization_code');
  }
}
