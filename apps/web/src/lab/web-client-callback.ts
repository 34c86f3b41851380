/**
 * The web app's own callback check, outside next-auth's route: the same openid-client `Client`,
 * built the way next-auth builds it (discovery from `wellKnown`, the provider's `client` options,
 * redirect_uris = the callback URL, 10 s clock tolerance), and the same `client.callback()` call
 * with the state, nonce and PKCE verifier next-auth would read from its cookies. `callback()` checks
 * `state` and the RFC 9207 `iss` before it sends the code anywhere.
 */
import { custom, Issuer, type CallbackParamsType, type TokenSet } from 'openid-client';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { OidcProfile } from '@oauth-ref/web-auth';

export interface CallbackChecks {
  readonly state: string;
  readonly nonce: string;
  readonly code_verifier: string;
}

export interface WebClientCallback {
  /** Runs the web client's callback handling on an authorization response URL. */
  handle(callback: URL, checks: CallbackChecks): Promise<TokenSet>;
}

/**
 * @example
 * const web = await webClientCallback(oauthRefProvider(config), config.redirectUri);
 * await web.handle(new URL(callbackUrl), { state, nonce, code_verifier }); // throws on a forged state
 */
export async function webClientCallback(
  provider: OAuthConfig<OidcProfile>,
  callbackUrl: string,
): Promise<WebClientCallback> {
  if (!provider.wellKnown) throw new Error('the web provider is configured without discovery');
  const issuer = await Issuer.discover(provider.wellKnown);
  const client = new issuer.Client({
    client_id: provider.clientId ?? '',
    ...(provider.clientSecret ? { client_secret: provider.clientSecret } : {}),
    redirect_uris: [callbackUrl],
    ...provider.client,
  });
  client[custom.clock_tolerance] = 10;
  return {
    handle(callback, checks) {
      const params: CallbackParamsType = client.callbackParams(
        `http://n?${callback.searchParams.toString()}`,
      );
      return client.callback(callbackUrl, params, { ...checks });
    },
  };
}
