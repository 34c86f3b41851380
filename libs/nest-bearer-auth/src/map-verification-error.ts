/**
 * passport-jwt reports failures as `jsonwebtoken` errors (or ours, from the key provider and
 * `validate`). This turns each into one of our classes with a stable code.
 */
import { BearerAuthError, InvalidTokenError } from './errors/bearer-auth-error.js';

const MESSAGES: ReadonlyArray<[RegExp, InvalidTokenError]> = [
  [
    /invalid signature/,
    new InvalidTokenError('signature_invalid', 'The token signature is invalid'),
  ],
  [
    /jwt issuer invalid/,
    new InvalidTokenError('issuer_mismatch', 'The token was issued by another issuer'),
  ],
  [
    /jwt audience invalid/,
    new InvalidTokenError('audience_mismatch', 'The token is not intended for this API'),
  ],
  [
    /invalid algorithm|must be a(n)? (asymmetric|symmetric)|alg/i,
    new InvalidTokenError(
      'algorithm_not_allowed',
      'The token is signed with an algorithm this API does not accept',
    ),
  ],
  [
    /malformed|invalid token|jwt must be provided|unexpected token|not valid json/i,
    new InvalidTokenError('token_malformed', 'The access token is malformed'),
  ],
];

/**
 * Our error class for whatever passport-jwt reported.
 *
 * @example
 * mapVerificationError(Object.assign(new Error('jwt expired'), { name: 'TokenExpiredError' })).code; // 'token_expired'
 */
export function mapVerificationError(error: unknown): BearerAuthError {
  if (error instanceof BearerAuthError) return error;
  if (!(error instanceof Error))
    return new InvalidTokenError('token_invalid', 'The access token is invalid');
  if (error.name === 'TokenExpiredError')
    return new InvalidTokenError('token_expired', 'The access token expired');
  if (error.name === 'NotBeforeError')
    return new InvalidTokenError('token_not_yet_valid', 'The access token is not valid yet');
  for (const [pattern, mapped] of MESSAGES) {
    if (pattern.test(error.message)) return new InvalidTokenError(mapped.code, mapped.message);
  }
  return new InvalidTokenError('token_invalid', 'The access token is invalid');
}
