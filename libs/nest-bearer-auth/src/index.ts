export { BearerAuthModule, createJwksClient } from './bearer-auth.module.js';
export {
  ASYMMETRIC_ALGORITHMS,
  DEFAULT_ALGORITHMS,
  DEFAULT_CLIENT_ID_CLAIMS,
  MAX_CLOCK_TOLERANCE_SECONDS,
  protectedResourceMetadataUrl,
  resolveBearerAuthOptions,
  type AsymmetricAlgorithm,
  type BearerAuthOptions,
  type ResolvedBearerAuthOptions,
} from './bearer-auth-options.js';
export { BEARER_AUTH_OPTIONS, BEARER_STRATEGY } from './bearer-auth.constants.js';
export type { AccessTokenClaims, AccessTokenPrincipal } from './access-token-principal.js';
export {
  MACHINE_RULE_NAMES,
  machineRules,
  principalKindByAuth0ClientsSuffix,
  principalKindByIdtyp,
  principalKindBySubject,
  type MachineRuleName,
  type PrincipalKind,
  type PrincipalKindRule,
} from './principal-kind.js';
export {
  readPermissionsClaim,
  readScopeClaim,
  readScpClaim,
  SCOPE_CLAIMS,
  scopeReaderFor,
  type ScopeClaim,
} from './read-scope-claim.js';
export {
  acceptsTokenType,
  requiredClaims,
  TOKEN_PROFILES,
  type TokenProfile,
} from './token-profile.js';
export { JwksClient, type JwksClientOptions, type JwksClientStatus } from './jwks-client.js';
export { JwtBearerStrategy, jwtStrategyOptions } from './jwt-bearer.strategy.js';
export { BearerAuthGuard } from './bearer-auth.guard.js';
export { runBearerStrategy, type AuthenticatingStrategy } from './run-bearer-strategy.js';
export { mapVerificationError } from './map-verification-error.js';
export { RequirePrincipal, RequireScopes } from './require-scopes.decorator.js';
export { CurrentPrincipal } from './current-principal.decorator.js';
export { BearerAuthExceptionFilter } from './bearer-auth-exception.filter.js';
export { toBearerErrorResponse, type BearerErrorResponse } from './to-bearer-error-response.js';
export { extractBearerToken, type BearerRequest } from './extract-bearer-token.js';
export { checkTokenHeader } from './check-token-header.js';
export { checkAccessTokenClaims } from './check-access-token-claims.js';
export {
  buildProtectedResourceMetadata,
  type ProtectedResourceMetadata,
} from './build-protected-resource-metadata.js';
export {
  BearerAuthConfigError,
  BearerAuthError,
  InsufficientScopeError,
  InvalidRequestError,
  InvalidTokenError,
  JwksUnavailableError,
  MissingCredentialsError,
  type BearerAuthErrorCode,
} from './errors/bearer-auth-error.js';
