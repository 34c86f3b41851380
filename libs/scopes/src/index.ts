export { API_SCOPES, OIDC_SCOPES, scopeCatalogue, type ScopeName } from './scope-catalogue.js';
export type { ClientKind, ScopeDefinition, ScopeKind } from './scope-definition.js';
export {
  SCOPE_SYNTAX_ERROR_CODES,
  ScopeSyntaxError,
  type ScopeSyntaxErrorCode,
  type ScopeSyntaxErrorDetails,
} from './scope-syntax-error.js';
export type { ScopeInput } from './to-scope-list.js';
export { parseScope } from './parse-scope.js';
export { formatScope } from './format-scope.js';
export { normaliseScope } from './normalise-scope.js';
export { hasAllScopes } from './has-all-scopes.js';
export { hasAnyScope } from './has-any-scope.js';
export { narrowScopes } from './narrow-scopes.js';
export { describeScope } from './describe-scope.js';
