/**
 * RFC 6749 §3.3 / RFC 6750 §3.1: for resources that accept any one of several scopes (say
 * `notes:read` or `notes:write`), a request is allowed when the token's scope includes at least one
 * of them. Exact, case-sensitive comparison. An empty candidate list is refused (ERR_SCOPE_EMPTY):
 * "any of nothing" is a bug, not a rule.
 */
import { assertNotEmpty, type ScopeInput, toScopeList } from './to-scope-list.js';

/**
 * True when `granted` holds at least one scope in `candidates`. Invalid syntax on either side
 * throws `ScopeSyntaxError` (fail closed).
 *
 * @example
 * hasAnyScope('openid notes:write', ['notes:read', 'notes:write']); // true
 * hasAnyScope('openid profile', 'notes:read notes:write'); // false
 */
export function hasAnyScope(granted: ScopeInput | undefined, candidates: ScopeInput): boolean {
  const candidateTokens = toScopeList(candidates);
  assertNotEmpty(candidateTokens, 'the candidate scope');
  const grantedTokens = new Set(toScopeList(granted));
  return candidateTokens.some((token) => grantedTokens.has(token));
}
