/**
 * Logout step 2, OpenID Connect RP-Initiated Logout 1.0 §2: where to send the browser so the
 * provider session ends too, with `id_token_hint`, `client_id`, the registered
 * `post_logout_redirect_uri` and a `state` (built by `@oauth-ref/token-types`). Null when the
 * provider offers no `end_session_endpoint` (or discovery failed): only the local session ends.
 */
import { buildEndSessionUrl } from '@oauth-ref/token-types';
import type { ProviderMetadata } from './discover-provider.js';

/**
 * What the logout URL carries.
 *
 * @example
 * const request: EndSessionUrlRequest = { metadata, clientId: 'oauth-ref-web', idToken, postLogoutRedirectUri, state };
 */
export interface EndSessionUrlRequest {
  readonly metadata: Pick<ProviderMetadata, 'end_session_endpoint'> | null;
  readonly clientId: string;
  readonly idToken: string | null;
  readonly postLogoutRedirectUri: string;
  readonly state: string;
}

/**
 * @example
 * endSessionUrl({ metadata, clientId: 'oauth-ref-web', idToken, postLogoutRedirectUri: 'http://localhost:3000/signed-out', state });
 * // 'http://localhost:4000/session/end?client_id=oauth-ref-web&id_token_hint=…&post_logout_redirect_uri=…&state=…'
 */
export function endSessionUrl(request: EndSessionUrlRequest): string | null {
  const endpoint = request.metadata?.end_session_endpoint;
  if (!endpoint) return null;
  return buildEndSessionUrl(endpoint, {
    clientId: request.clientId,
    idTokenHint: request.idToken,
    postLogoutRedirectUri: request.postLogoutRedirectUri,
    state: request.state,
  }).toString();
}
