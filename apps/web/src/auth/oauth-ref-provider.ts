/**
 * The web app's one provider, as next-auth sees it: the id in its routes
 * (`/api/auth/callback/oauth-ref`) and the definition built by `@oauth-ref/web-auth` from the
 * validated config (discovery, PKCE + state + nonce, ID token validation, client_secret_basic).
 */
import { oidcProvider } from '@oauth-ref/web-auth';
import type { WebConfig } from '../config/config';

export const PROVIDER_ID = 'oauth-ref';

/**
 * @example
 * const provider = oauthRefProvider(config, 'RS256');
 */
export function oauthRefProvider(config: WebConfig, idTokenAlgorithm = 'RS256') {
  return oidcProvider(
    { id: PROVIDER_ID, name: 'OAuth Reference provider' },
    config,
    idTokenAlgorithm,
  );
}
