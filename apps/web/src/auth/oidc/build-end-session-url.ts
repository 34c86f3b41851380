/**
 * OpenID Connect RP-Initiated Logout 1.0 §2: the RP redirects to `end_session_endpoint` with
 * `id_token_hint`, the registered `post_logout_redirect_uri`, `client_id` and a `state`.
 *
 * @example
 * buildEndSessionUrl({ endSessionEndpoint: 'http://localhost:4000/session/end', idToken, clientId: 'oauth-ref-web',
 *   postLogoutRedirectUri: 'http://localhost:3000/signed-out', state: 'x' });
 */
export function buildEndSessionUrl(input: {
  readonly endSessionEndpoint: string;
  readonly idToken: string | null;
  readonly clientId: string;
  readonly postLogoutRedirectUri: string;
  readonly state: string;
}): string {
  const url = new URL(input.endSessionEndpoint);
  if (input.idToken) url.searchParams.set('id_token_hint', input.idToken);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('post_logout_redirect_uri', input.postLogoutRedirectUri);
  url.searchParams.set('state', input.state);
  return url.toString();
}
