/**
 * RFC 6749 §3.3: scope values are defined by the authorization server; only scopes in the catalogue
 * have a meaning (and a description to show the resource owner). Lookup is an own-property check,
 * so names like `constructor` or `__proto__` are unknown scopes, not prototype members.
 */
import { type ScopeName, scopeCatalogue } from './scope-catalogue.js';
import type { ScopeDefinition } from './scope-definition.js';

/**
 * The catalogue entry for a scope (name, consent-screen description, kind, client kinds), or
 * `undefined` when the stack does not know the scope.
 *
 * @example
 * describeScope('notes:write')?.description; // 'Create, change and delete your notes.'
 * describeScope('admin'); // undefined
 */
export function describeScope(name: string): ScopeDefinition<ScopeName> | undefined {
  return Object.hasOwn(scopeCatalogue, name) ? scopeCatalogue[name as ScopeName] : undefined;
}
