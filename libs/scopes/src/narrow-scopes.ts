/**
 * RFC 6749 §3.3: "The authorization server MAY fully or partially ignore the scope requested by the
 * client, based on the authorization server policy". The policy here: unknown scopes are dropped,
 * and so are scopes the client's kind may not get (a machine client never gets OIDC or user scopes;
 * a user-facing client never gets `notes:stats`). When the result differs from the request, the
 * token response must include `scope` (RFC 6749 §5.1). An unknown client kind gets nothing.
 */
import { describeScope } from './describe-scope.js';
import type { ScopeName } from './scope-catalogue.js';
import type { ClientKind } from './scope-definition.js';
import { normaliseScope } from './normalise-scope.js';
import type { ScopeInput } from './to-scope-list.js';

/**
 * The requested scopes this kind of client may be granted: validated, de-duplicated (first-seen
 * order), unknown and disallowed scopes removed. May return `[]`. Invalid syntax throws
 * `ScopeSyntaxError`.
 *
 * @example
 * narrowScopes('openid notes:read notes:stats admin', 'public'); // ['openid', 'notes:read']
 * narrowScopes('openid notes:stats', 'machine'); // ['notes:stats']
 */
export function narrowScopes(
  requested: ScopeInput | undefined,
  clientKind: ClientKind,
): ScopeName[] {
  const allowed: ScopeName[] = [];
  for (const token of normaliseScope(requested)) {
    const definition = describeScope(token);
    if (definition?.clientKinds.includes(clientKind)) allowed.push(definition.name);
  }
  return allowed;
}
