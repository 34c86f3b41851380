/**
 * RFC 6749 §3.3: scope tokens are "case-sensitive strings" whose order "does not matter", so a scope
 * is a set. Normalising validates every token and removes duplicates, keeping FIRST-SEEN order:
 * the order the caller gave, not catalogue order, and tokens the catalogue does not know are kept
 * (dropping them is `narrowScopes`'s job). Case is never folded: `Notes:Read` is not `notes:read`.
 */
import { type ScopeInput, toScopeList } from './to-scope-list.js';

/**
 * Validates a scope string or collection and returns its distinct tokens in first-seen order.
 * `undefined` (an absent `scope` claim or parameter) gives `[]`; an empty string is a syntax error.
 *
 * @example
 * normaliseScope('notes:read openid notes:read'); // ['notes:read', 'openid']
 * normaliseScope(['email', 'openid', 'email']); // ['email', 'openid']
 * normaliseScope(undefined); // []
 */
export function normaliseScope(input: ScopeInput | undefined): string[] {
  return [...new Set(toScopeList(input))];
}
