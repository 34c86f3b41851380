/**
 * The provider as next-auth (v4, openid-client v5) sees it. Configured by discovery, so pointing
 * OAUTH_ISSUER at Keycloak/Auth0/Entra/Okta is enough. What each option buys:
 * - `checks: ['pkce', 'state', 'nonce']`: PKCE S256 (RFC 7636), CSRF `state`, and the ID token's
 *   `nonce` compared with the one in the encrypted `web.nonce` cookie (OIDC Core §3.1.3.7).
 * - `idToken: true`: openid-client's `callback()` validates the ID token (iss, aud, exp, iat, nonce,
 *   signature against the JWKS, `alg` equal to `id_token_signed_response_alg`) and, when discovery
 *   advertises `authorization_response_iss_parameter_supported`, requires the RFC 9207 `iss`
 *   parameter and compares it exactly with the issuer *before* the code is exchanged.
 * - `authorization.params.scope`: OAUTH_SCOPE (default: the demo client's scopes).
 * - `authorization.params.resource`: the API as RFC 8707 resource indicator (OAUTH_RESOURCE, default
 *   API_URL), so the access token is a JWT whose `aud` is the API; left out when OAUTH_RESOURCE is
 *   empty, and then `audience` (Auth0) is sent when OAUTH_AUDIENCE_PARAM is set.
 * - `authorization.params.prompt = 'consent'`: OIDC Core §11 lets a provider ignore `offline_access`
 *   unless the user is asked for consent (node-oidc-provider does), and without it no refresh token.
 */
import type { OAuthConfig } from 'next-auth/providers/oauth';

/**
 * Who the client is and what it asks for. The web app's validated config has these fields.
 *
 * @example
 * const settings: OidcClientSettings = { issuer: 'http://localhost:4000', clientId: 'oauth-ref-web', clientSecret, scope: 'openid notes:read', resource: 'http://localhost:3333' };
 */
export interface OidcClientSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
  /** RFC 8707 resource indicator (the API); absent: no `resource` parameter. */
  readonly resource?: string | undefined;
  /** Auth0's `audience` parameter, for providers that select the API that way. */
  readonly audienceParam?: string | undefined;
}

/**
 * The standard claims next-auth maps to its user.
 *
 * @example
 * const profile: OidcProfile = { sub: '7b0f…', email: 'alice@example.com' };
 */
export interface OidcProfile extends Record<string, unknown> {
  sub: string;
  name?: string;
  preferred_username?: string;
  email?: string;
  picture?: string;
}

/**
 * Signing algorithms we accept for ID tokens (RFC 8725 §3.1 allowlist; never `none` or HS*).
 *
 * @example
 * ID_TOKEN_ALGORITHMS.includes('ES256'); // true
 */
export const ID_TOKEN_ALGORITHMS = ['RS256', 'ES256', 'PS256'] as const;

/**
 * Chooses the ID token algorithm from what the provider advertises, RS256 first (the OIDC default).
 *
 * @example
 * chooseIdTokenAlgorithm(['ES256', 'RS256']); // 'RS256'
 */
export function chooseIdTokenAlgorithm(advertised: readonly string[] | undefined): string {
  if (!advertised || advertised.length === 0) return 'RS256';
  return ID_TOKEN_ALGORITHMS.find((alg) => advertised.includes(alg)) ?? 'RS256';
}

/**
 * The fixed parameters of the authorization request (next-auth adds PKCE, state, nonce, client and
 * redirect URI). Parameters that are not configured are absent, never empty.
 *
 * @example
 * authorizationParams(config); // { scope: 'openid … notes:write', resource: 'http://localhost:3333', prompt: 'consent' }
 */
export function authorizationParams(
  config: Pick<OidcClientSettings, 'scope' | 'resource' | 'audienceParam'>,
): Record<string, string> {
  return {
    scope: config.scope,
    ...(config.resource !== undefined ? { resource: config.resource } : {}),
    ...(config.audienceParam !== undefined ? { audience: config.audienceParam } : {}),
    prompt: 'consent',
  };
}

/**
 * The next-auth provider definition for an OIDC provider reached by discovery.
 *
 * @example
 * const provider = oidcProvider({ id: 'oauth-ref', name: 'OAuth Reference provider' }, config, 'RS256');
 * NextAuth({ providers: [provider], ... });
 */
export function oidcProvider(
  identity: { readonly id: string; readonly name: string },
  config: OidcClientSettings,
  idTokenAlgorithm = 'RS256',
): OAuthConfig<OidcProfile> {
  return {
    id: identity.id,
    name: identity.name,
    type: 'oauth',
    wellKnown: `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: authorizationParams(config) },
    checks: ['pkce', 'state', 'nonce'],
    idToken: true,
    client: {
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: idTokenAlgorithm,
    },
    profile(profile) {
      return {
        id: profile.sub,
        name: profile.name ?? profile.preferred_username ?? null,
        email: profile.email ?? null,
        image: profile.picture ?? null,
      };
    },
  };
}
