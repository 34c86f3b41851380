/**
 * RFC 9068 §4 / RFC 8707: the `aud` claim (a string or an array) must contain this API's resource
 * identifier. A token requested for another resource, or an ID token (whose `aud` is the client,
 * OIDC Core §2), is refused here.
 */
import { InvalidTokenError } from './errors/bearer-auth-error.js';

/**
 * Throws `audience_mismatch` unless `claims.aud` contains `audience`.
 *
 * @example
 * checkTokenAudience({ aud: ['http://localhost:3333'] }, 'http://localhost:3333'); // passes
 */
export function checkTokenAudience(
  claims: Readonly<Record<string, unknown>>,
  audience: string,
): void {
  const claimed = claims['aud'];
  const audiences = typeof claimed === 'string' ? [claimed] : Array.isArray(claimed) ? claimed : [];
  if (!audiences.includes(audience)) {
    throw new InvalidTokenError('audience_mismatch', 'The token is not intended for this API');
  }
}
