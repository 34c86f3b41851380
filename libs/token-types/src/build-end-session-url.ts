/**
 * OpenID Connect RP-Initiated Logout 1.0 §2: the RP sends the user agent to the provider's
 * `end_session_endpoint` with `client_id`, `id_token_hint` (which session and client),
 * a `post_logout_redirect_uri` registered exactly for the client, and a `state` it checks on return.
 * Parameters the caller does not have are left out, never sent empty.
 */

/**
 * What the logout request carries.
 *
 * @example
 * const request: EndSessionRequest = { clientId: 'oauth-ref-web', idTokenHint: idToken };
 */
export interface EndSessionRequest {
  readonly clientId: string;
  readonly idTokenHint?: string | null;
  readonly postLogoutRedirectUri?: string;
  readonly state?: string;
}

/**
 * Builds the RP-initiated logout URL.
 *
 * @example
 * buildEndSessionUrl('http://localhost:4000/session/end', {
 *   clientId: 'oauth-ref-web',
 *   idTokenHint: 'eyJ…',
 *   postLogoutRedirectUri: 'http://localhost:3000/signed-out',
 *   state: 'k3Jx…',
 * }).toString();
 */
export function buildEndSessionUrl(endSessionEndpoint: string, request: EndSessionRequest): URL {
  const url = new URL(endSessionEndpoint);
  url.searchParams.set('client_id', request.clientId);
  if (request.idTokenHint) url.searchParams.set('id_token_hint', request.idTokenHint);
  if (request.postLogoutRedirectUri)
    url.searchParams.set('post_logout_redirect_uri', request.postLogoutRedirectUri);
  if (request.state) url.searchParams.set('state', request.state);
  return url;
}
