/**
 * RFC 9068 §2.1 / §4: a JWT access token's header carries `typ` `at+jwt` (or the full media type
 * `application/at+jwt`), and resource servers MUST reject any other value. Media types are
 * case-insensitive (RFC 9068 §4 via RFC 8725 §3.11), so `AT+JWT` passes. This is what keeps an ID
 * token (`typ` `JWT` or absent) from being accepted as an access token: `passport-jwt` does not
 * check it. RFC 9068 §2.1 also forbids `alg` `none`.
 */
import { TOKEN_TYPE_ERROR_CODES, TokenTypeValidationError } from './token-type-validation-error.js';

const ACCESS_TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt']);

/**
 * The parts of a JOSE header this check reads.
 *
 * @example
 * const header: JoseHeaderLike = decodeProtectedHeader(token); // from jose
 */
export interface JoseHeaderLike {
  readonly typ?: unknown;
  readonly alg?: unknown;
}

/**
 * Throws `TokenTypeValidationError` (`ERR_ACCESS_TOKEN_TYPE_INVALID`, `oauthError`
 * `invalid_token`) unless the protected header says this JWT is an access token signed with a
 * real algorithm.
 *
 * @example
 * assertAccessTokenType({ alg: 'RS256', typ: 'at+jwt' }); // passes
 * assertAccessTokenType({ alg: 'RS256', typ: 'JWT' }); // throws: an ID token is not an access token
 */
export function assertAccessTokenType(header: JoseHeaderLike): void {
  const code = TOKEN_TYPE_ERROR_CODES.accessTokenType;
  if (typeof header !== 'object' || header === null) {
    throw new TokenTypeValidationError(
      code,
      '(root)',
      'RFC 7515 §4: a JOSE header is a JSON object',
    );
  }
  if (typeof header.typ !== 'string' || !ACCESS_TOKEN_TYPES.has(header.typ.toLowerCase())) {
    throw new TokenTypeValidationError(
      code,
      'typ',
      'RFC 9068 §2.1 / §4: typ must be "at+jwt" or "application/at+jwt" (case-insensitive)',
    );
  }
  if (typeof header.alg !== 'string' || header.alg === '' || header.alg.toLowerCase() === 'none') {
    throw new TokenTypeValidationError(
      code,
      'alg',
      'RFC 9068 §2.1: alg is REQUIRED and MUST NOT be "none"',
    );
  }
}
