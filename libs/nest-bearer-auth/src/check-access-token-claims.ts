/**
 * RFC 9068 §4 claim checks after the signature is verified (passport-jwt / jsonwebtoken has
 * already checked signature, `alg`, `iss`, `aud`, `exp`, `nbf`); repeated here exactly so that
 * none of them depends on a library default:
 * - `iss` equals the configured issuer exactly (no trailing-slash or case normalisation);
 * - `aud` (string or array) contains the configured audience;
 * - `sub`, `client_id`, `jti` are non-empty strings; `iat`, `exp` are numbers (the `generic-jwt`
 *   profile requires only `sub`, `iat`, `exp`: the client is read from the first present of
 *   `clientIdClaims`, and `jti` when present; both must still be non-empty strings if present);
 * - `exp` is in the future and `iat` is not, each within the clock tolerance;
 * - scopes are read by the configured reader (RFC 9068 `scope` by default).
 */
import type { AccessTokenClaims, AccessTokenPrincipal } from './access-token-principal.js';
import type { ResolvedBearerAuthOptions } from './bearer-auth-options.js';
import { checkTokenAudience } from './check-token-audience.js';
import { checkTokenExpiry } from './check-token-expiry.js';
import { InvalidTokenError } from './errors/bearer-auth-error.js';

function requireString(claims: AccessTokenClaims, claim: string): string {
  const value = claims[claim];
  if (value === undefined)
    throw new InvalidTokenError('claim_missing', `The token has no ${claim} claim`);
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidTokenError('claim_invalid', `The ${claim} claim must be a non-empty string`);
  }
  return value;
}

function optionalString(claims: AccessTokenClaims, claim: string): string | undefined {
  return claims[claim] === undefined ? undefined : requireString(claims, claim);
}

/** The first of `clientIdClaims` present in the token (e.g. Okta `cid`, Entra `azp` then `appid`). */
function readClientId(
  claims: AccessTokenClaims,
  options: ResolvedBearerAuthOptions,
): string | undefined {
  if (options.tokenProfile === 'rfc9068') return requireString(claims, 'client_id');
  const claim = options.clientIdClaims.find((name) => claims[name] !== undefined);
  return claim === undefined ? undefined : requireString(claims, claim);
}

function requireNumber(claims: AccessTokenClaims, claim: string): number {
  const value = claims[claim];
  if (value === undefined)
    throw new InvalidTokenError('claim_missing', `The token has no ${claim} claim`);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidTokenError('claim_invalid', `The ${claim} claim must be a number`);
  }
  return value;
}

/**
 * Checks the verified claims and turns them into the principal controllers see.
 *
 * @example
 * const principal = checkAccessTokenClaims(payload, options);
 * principal.subject; // 'alice'
 */
export function checkAccessTokenClaims(
  claims: AccessTokenClaims,
  options: ResolvedBearerAuthOptions,
  nowSeconds = Math.floor(Date.now() / 1000),
): AccessTokenPrincipal {
  const issuer = requireString(claims, 'iss');
  if (issuer !== options.issuer)
    throw new InvalidTokenError('issuer_mismatch', 'The token was issued by another issuer');
  checkTokenAudience(claims, options.audience);
  const subject = requireString(claims, 'sub');
  const clientId = readClientId(claims, options);
  const tokenId =
    options.tokenProfile === 'rfc9068'
      ? requireString(claims, 'jti')
      : optionalString(claims, 'jti');
  const issuedAt = requireNumber(claims, 'iat');
  const expiresAt = requireNumber(claims, 'exp');
  const leeway = options.clockToleranceSeconds;
  checkTokenExpiry(expiresAt, leeway, nowSeconds);
  if (issuedAt - leeway > nowSeconds) {
    throw new InvalidTokenError('token_issued_in_future', 'The token iat is in the future');
  }
  const notBefore = claims['nbf'];
  if (
    notBefore !== undefined &&
    (typeof notBefore !== 'number' || notBefore - leeway > nowSeconds)
  ) {
    throw new InvalidTokenError('token_not_yet_valid', 'The access token is not valid yet');
  }
  return Object.freeze({
    issuer,
    subject,
    clientId,
    tokenId,
    issuedAt,
    expiresAt,
    scopes: Object.freeze([...options.scopeReader(claims)]),
    kind: options.principalKind(claims, clientId),
    claims,
  });
}
