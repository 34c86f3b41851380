import * as oauth from 'oauth4webapi';

/** Tokens held by the client after an exchange or a refresh. Keep it in memory only. */
export interface TokenSet {
  readonly accessToken: string;
  readonly tokenType: string;
  /** Epoch milliseconds, when the server said `expires_in`. */
  readonly expiresAt: number | undefined;
  /** Granted scope (the server's `scope`, else the previous grant, else what was requested). */
  readonly scope: readonly string[];
  readonly refreshToken: string | undefined;
  readonly idToken: string | undefined;
  /** Claims of the ID token as validated by oauth4webapi (iss, aud, azp, nonce, exp, iat). */
  readonly idTokenClaims: oauth.IDToken | undefined;
}

/**
 * Turns a token endpoint response that oauth4webapi has processed into a {@link TokenSet}.
 * Values the response omits (a refresh response without `id_token`) are kept from `previous`.
 *
 * @example
 * const response = await oauth.processAuthorizationCodeResponse(as, client, res, { expectedNonce });
 * toTokenSet(response, { requestedScope: 'openid', now: Date.now() }).accessToken;
 */
export function toTokenSet(
  response: oauth.TokenEndpointResponse,
  context: { requestedScope: string; now: number; previous?: TokenSet },
): TokenSet {
  const scope = response.scope ?? context.previous?.scope.join(' ') ?? context.requestedScope;
  return Object.freeze({
    accessToken: response.access_token,
    tokenType: response.token_type,
    expiresAt:
      typeof response.expires_in === 'number'
        ? context.now + response.expires_in * 1000
        : undefined,
    scope: Object.freeze(scope.split(' ').filter(Boolean)),
    refreshToken: response.refresh_token ?? context.previous?.refreshToken,
    idToken: response.id_token ?? context.previous?.idToken,
    idTokenClaims: oauth.getValidatedIdTokenClaims(response) ?? context.previous?.idTokenClaims,
  });
}
