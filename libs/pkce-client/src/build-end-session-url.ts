/**
 * OpenID Connect RP-Initiated Logout 1.0 §2: send the user agent to `end_session_endpoint` with
 * `id_token_hint` (so the provider knows which session and client), `client_id`, and a registered
 * `post_logout_redirect_uri`. Returns `undefined` when the provider has no such endpoint.
 */
import type * as oauth from 'oauth4webapi';
import type { PkceClientSettings } from './settings.js';

/**
 * Builds the RP-initiated logout URL, or `undefined` if the provider does not offer one.
 *
 * @example
 * buildEndSessionUrl(as, settings, tokens.idToken)?.searchParams.get('post_logout_redirect_uri');
 * // 'http://localhost:8081/'
 */
export function buildEndSessionUrl(
  as: oauth.AuthorizationServer,
  settings: PkceClientSettings,
  idToken: string | undefined,
): URL | undefined {
  if (!as.end_session_endpoint) return undefined;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  if (settings.postLogoutRedirectUri) {
    url.searchParams.set('post_logout_redirect_uri', settings.postLogoutRedirectUri);
  }
  return url;
}
