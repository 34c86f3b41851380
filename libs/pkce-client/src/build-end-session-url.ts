/**
 * OpenID Connect RP-Initiated Logout 1.0 §2: send the user agent to `end_session_endpoint` with
 * `id_token_hint` (so the provider knows which session and client), `client_id`, and a registered
 * `post_logout_redirect_uri`. Returns `undefined` when the provider has no such endpoint.
 */
import type * as oauth from 'oauth4webapi';
import { buildEndSessionUrl as buildUrl } from '@oauth-ref/token-types';
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
  return buildUrl(as.end_session_endpoint, {
    clientId: settings.clientId,
    ...(idToken ? { idTokenHint: idToken } : {}),
    ...(settings.postLogoutRedirectUri
      ? { postLogoutRedirectUri: settings.postLogoutRedirectUri }
      : {}),
  });
}
