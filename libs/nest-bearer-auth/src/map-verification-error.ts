/**
 * The signature step reports failures as jose errors (and a hand-wired passport-jwt strategy as
 * `jsonwebtoken` errors); every other step throws ours. This turns each into one of our classes
 * with a stable code, in one place.
 */
import { BearerAuthError, InvalidTokenError } from './errors/bearer-auth-error.js';

const ALGORITHM = new InvalidTokenError(
  'algorithm_not_allowed',
  'The token is signed with an algorithm this API does not accept',
);
const MALFORMED = new InvalidTokenError('token_malformed', 'The access token is malformed');
const SIGNATURE = new InvalidTokenError('signature_invalid', 'The token signature is invalid');
const EXPIRED = new InvalidTokenError('token_expired', 'The access token expired');
const NOT_YET = new InvalidTokenError('token_not_yet_valid', 'The access token is not valid yet');
const ISSUER = new InvalidTokenError('issuer_mismatch', 'The token was issued by another issuer');
const AUDIENCE = new InvalidTokenError(
  'audience_mismatch',
  'The token is not intended for this API',
);
const TYPE = new InvalidTokenError(
  'type_not_access_token',
  'The token is not a JWT access token (typ must be at+jwt)',
);
const INVALID = new InvalidTokenError('token_invalid', 'The access token is invalid');

const JOSE_CODES: Readonly<Record<string, InvalidTokenError>> = {
  ERR_JOSE_ALG_NOT_ALLOWED: ALGORITHM,
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: SIGNATURE,
  ERR_JWT_EXPIRED: EXPIRED,
  ERR_JWS_INVALID: MALFORMED,
  ERR_JWT_INVALID: MALFORMED,
  ERR_JOSE_NOT_SUPPORTED: ALGORITHM,
};

const JSONWEBTOKEN_MESSAGES: ReadonlyArray<[RegExp, InvalidTokenError]> = [
  [/invalid signature/, SIGNATURE],
  [/jwt issuer invalid/, ISSUER],
  [/jwt audience invalid/, AUDIENCE],
  [/invalid algorithm/i, ALGORITHM],
  [/malformed|invalid token|jwt must be provided/i, MALFORMED],
];

function copy(error: InvalidTokenError): InvalidTokenError {
  return new InvalidTokenError(error.code, error.message);
}

function fromClaimFailure(claim: unknown, reason: unknown): InvalidTokenError {
  if (reason === 'missing')
    return new InvalidTokenError('claim_missing', `The token has no ${String(claim)} claim`);
  switch (claim) {
    case 'iss':
      return copy(ISSUER);
    case 'aud':
      return copy(AUDIENCE);
    case 'nbf':
      return copy(NOT_YET);
    case 'typ':
      return copy(TYPE);
    case 'iat':
      return new InvalidTokenError(
        reason === 'check_failed' ? 'token_issued_in_future' : 'claim_invalid',
        `The token ${String(claim)} claim is invalid`,
      );
    default:
      return new InvalidTokenError('claim_invalid', `The token ${String(claim)} claim is invalid`);
  }
}

/**
 * Our error class for whatever passport-jwt reported.
 *
 * @example
 * mapVerificationError(Object.assign(new Error('jwt expired'), { code: 'ERR_JWT_EXPIRED' })).code; // 'token_expired'
 */
export function mapVerificationError(error: unknown): BearerAuthError {
  if (error instanceof BearerAuthError) return error;
  if (!(error instanceof Error)) return copy(INVALID);
  const { code, claim, reason } = error as Error & {
    code?: unknown;
    claim?: unknown;
    reason?: unknown;
  };
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return fromClaimFailure(claim, reason);
  if (typeof code === 'string' && JOSE_CODES[code] !== undefined) return copy(JOSE_CODES[code]);
  if (error.name === 'TokenExpiredError') return copy(EXPIRED);
  if (error.name === 'NotBeforeError') return copy(NOT_YET);
  for (const [pattern, mapped] of JSONWEBTOKEN_MESSAGES)
    if (pattern.test(error.message)) return copy(mapped);
  return copy(INVALID);
}
