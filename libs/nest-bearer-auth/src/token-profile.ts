/**
 * What an access token must look like, per profile:
 * - `rfc9068` (default): RFC 9068 §2.1/§2.2/§4 exactly: header `typ` is `at+jwt`
 *   (or `application/at+jwt`), claims `iss`, `sub`, `aud`, `client_id`, `jti`, `iat`, `exp`.
 * - `generic-jwt`: the JWT access tokens many providers issue by default (Entra ID, Okta, Keycloak
 *   before its RFC 9068 switch): `typ` absent or `JWT` (an `at+jwt` token is accepted too), and only
 *   `iss`, `sub`, `aud`, `iat`, `exp` are required. ID tokens are still refused, by `aud`: an ID
 *   token's audience is the client (OIDC Core §2), never this resource's identifier.
 * Everything else (signature, `alg` allowlist, exact `iss`, `aud`, leeway, no embedded keys) is the
 * same in both.
 */

export const TOKEN_PROFILES = ['rfc9068', 'generic-jwt'] as const;
export type TokenProfile = (typeof TOKEN_PROFILES)[number];

const RFC9068_TYPES: readonly (string | undefined)[] = ['at+jwt', 'application/at+jwt'];
const GENERIC_TYPES: readonly (string | undefined)[] = [
  ...RFC9068_TYPES,
  'jwt',
  'application/jwt',
  undefined,
];

/**
 * Whether a header `typ` (compared case-insensitively, RFC 7515 §4.1.9) is acceptable.
 *
 * @example
 * acceptsTokenType('rfc9068', 'at+jwt'); // true
 * acceptsTokenType('rfc9068', 'JWT'); // false
 * acceptsTokenType('generic-jwt', undefined); // true
 * acceptsTokenType('generic-jwt', 'logout+jwt'); // false
 */
export function acceptsTokenType(profile: TokenProfile, typ: unknown): boolean {
  if (typ !== undefined && typeof typ !== 'string') return false;
  const type = typ?.toLowerCase();
  return (profile === 'rfc9068' ? RFC9068_TYPES : GENERIC_TYPES).includes(type);
}

/**
 * The claims a token of this profile must carry.
 *
 * @example
 * requiredClaims('generic-jwt'); // ['iss', 'sub', 'aud', 'iat', 'exp']
 */
export function requiredClaims(profile: TokenProfile): readonly string[] {
  return profile === 'rfc9068'
    ? ['iss', 'sub', 'aud', 'client_id', 'iat', 'exp', 'jti']
    : ['iss', 'sub', 'aud', 'iat', 'exp'];
}
