/**
 * RFC 6749 §3.3: `scope = scope-token *( SP scope-token )`: at least one token, each valid, joined by
 * exactly one space. Formatting validates every token (a token holding a space would silently become
 * two scopes) and drops duplicates, keeping first-seen order.
 */
import { normaliseScope } from './normalise-scope.js';
import { assertNotEmpty, type ScopeInput } from './to-scope-list.js';

/**
 * Turns scope tokens into the space-delimited `scope` parameter value. Throws `ScopeSyntaxError` on
 * an invalid token, or when there is no token at all (omit the parameter instead).
 *
 * @example
 * formatScope(['openid', 'notes:read', 'openid']); // 'openid notes:read'
 * formatScope(new Set(['notes:stats'])); // 'notes:stats'
 * formatScope([]); // throws ScopeSyntaxError (ERR_SCOPE_EMPTY)
 */
export function formatScope(tokens: ScopeInput): string {
  const distinct = normaliseScope(tokens);
  assertNotEmpty(distinct, 'a formatted scope');
  return distinct.join(' ');
}
