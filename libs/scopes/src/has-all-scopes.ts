/**
 * RFC 6750 §3.1 `insufficient_scope`: a request is allowed only when the access token's scope
 * includes every scope the resource requires. Comparison is exact and case-sensitive
 * (RFC 6749 §3.3). An empty requirement is refused as a programming error (ERR_SCOPE_EMPTY) rather
 * than vacuously allowing every token; an absent granted scope grants nothing.
 */
import { assertNotEmpty, type ScopeInput, toScopeList } from './to-scope-list.js';

/**
 * True when `granted` holds every scope in `required`. Both may be a `scope` string or a collection
 * of tokens; invalid syntax on either side throws `ScopeSyntaxError` (fail closed).
 *
 * @example
 * hasAllScopes('openid notes:read notes:write', ['notes:read', 'notes:write']); // true
 * hasAllScopes('openid notes:read', 'notes:read notes:write'); // false
 * hasAllScopes(undefined, 'notes:read'); // false
 */
export function hasAllScopes(granted: ScopeInput | undefined, required: ScopeInput): boolean {
  const requiredTokens = toScopeList(required);
  assertNotEmpty(requiredTokens, 'the required scope');
  const grantedTokens = new Set(toScopeList(granted));
  return requiredTokens.every((token) => grantedTokens.has(token));
}
