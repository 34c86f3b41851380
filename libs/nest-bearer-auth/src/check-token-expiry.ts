/**
 * RFC 7519 §4.1.4: a token whose `exp` (plus the clock tolerance) is not after now is refused.
 */
import { InvalidTokenError } from './errors/bearer-auth-error.js';

/**
 * Throws `token_expired` when `expiresAt + leewaySeconds <= nowSeconds`.
 *
 * @example
 * checkTokenExpiry(1_700_000_060, 30, 1_700_000_000); // passes
 * checkTokenExpiry(1_700_000_000, 0, 1_700_000_000); // throws token_expired
 */
export function checkTokenExpiry(
  expiresAt: number,
  leewaySeconds: number,
  nowSeconds: number,
): void {
  if (expiresAt + leewaySeconds <= nowSeconds)
    throw new InvalidTokenError('token_expired', 'The access token expired');
}
