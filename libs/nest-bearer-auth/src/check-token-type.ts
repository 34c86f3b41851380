/**
 * RFC 9068 §2.1/§4: the header `typ` must be `at+jwt` (or `application/at+jwt`); this refuses ID
 * tokens and any other JWT of the same issuer. The `generic-jwt` profile also takes `typ` absent
 * or `JWT`, and still refuses every other type (see token-profile.ts).
 */
import { InvalidTokenError } from './errors/bearer-auth-error.js';
import { acceptsTokenType, type TokenProfile } from './token-profile.js';

/**
 * Throws `type_not_access_token` when `typ` is not an access token type of `profile`.
 *
 * @example
 * checkTokenType('at+jwt', 'rfc9068'); // passes
 * checkTokenType('JWT', 'rfc9068'); // throws type_not_access_token
 */
export function checkTokenType(typ: unknown, profile: TokenProfile): void {
  if (!acceptsTokenType(profile, typ)) {
    throw new InvalidTokenError(
      'type_not_access_token',
      profile === 'rfc9068'
        ? 'The token is not a JWT access token (typ must be at+jwt)'
        : 'The token is not a JWT access token (typ must be absent, JWT or at+jwt)',
    );
  }
}
