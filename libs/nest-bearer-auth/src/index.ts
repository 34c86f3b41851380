/**
 * The package's public API: the framework-free verification pipeline (`./verify.js`, also its own
 * `@oauth-ref/nest-bearer-auth/verify` entry), plus the NestJS module, guard, decorators, errors and
 * the individual pipeline steps.
 */
export * from './verify.js';
export { BearerAuthModule } from './bearer-auth.module.js';
export {
  ASYMMETRIC_ALGORITHMS,
  DEFAULT_ALGORITHMS,
  DEFAULT_CLIENT_ID_CLAIMS,
  DEFAULT_DPOP_ALGORITHMS,
  MAX_DPOP_PROOF_AGE_SECONDS,
  type DpopOptions,
  type ResolvedDpopOptions,
  MAX_CLOCK_TOLERANCE_SECONDS,
  protectedResourceMetadataUrl,
  type AsymmetricAlgorithm,
} from './bearer-auth-options.js';
export {
  ACCESS_TOKEN_VERIFIER,
  BEARER_AUTH_OPTIONS,
  BEARER_STRATEGY,
  REQUIRED_SCOPES_KEY,
} from './bearer-auth.constants.js';
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
export type { JwksClientStatus } from './jwks-client.js';
export { JwtBearerStrategy } from './jwt-bearer.strategy.js';
export { BearerAuthGuard } from './bearer-auth.guard.js';
export { runBearerStrategy, type AuthenticatingStrategy } from './run-bearer-strategy.js';
export { mapVerificationError } from './map-verification-error.js';
export {
  RequirePrincipal,
  RequireScopes,
  requireScopesDocumentedBy,
  type ScopeDocumenter,
} from './require-scopes.decorator.js';
export { CurrentPrincipal } from './current-principal.decorator.js';
export { BearerAuthExceptionFilter } from './bearer-auth-exception.filter.js';
export {
  challengeContextFor,
  toBearerErrorResponse,
  type BearerErrorResponse,
  type ChallengeContext,
} from './to-bearer-error-response.js';
export { buildDpopChallenge, type DpopChallengeOptions } from './build-dpop-challenge.js';
export { extractCredentials, type BearerRequest, type Credentials } from './extract-credentials.js';
export { checkTokenHeader } from './check-token-header.js';
export { checkTokenIssuer } from './check-token-issuer.js';
export { verifyTokenSignature } from './verify-token-signature.js';
export { checkAccessTokenClaims } from './check-access-token-claims.js';
export { checkSenderConstraint } from './check-sender-constraint.js';
export { verifyDpopProof, type DpopProofInput } from './dpop/verify-dpop-proof.js';
export { createMemoryReplayStore, type ReplayStore } from './dpop/replay-store.js';
export { checkDpopNonce, issueDpopNonce, type DpopNonceOptions } from './dpop/dpop-nonce.js';
export {
  buildProtectedResourceMetadata,
  type ProtectedResourceMetadata,
} from './build-protected-resource-metadata.js';
export {
  BearerAuthConfigError,
  BearerAuthError,
  InsufficientScopeError,
  InvalidDpopProofError,
  UseDpopNonceError,
  InvalidRequestError,
  InvalidTokenError,
  JwksUnavailableError,
  MissingCredentialsError,
  type AuthScheme,
  type BearerAuthErrorCode,
} from './errors/bearer-auth-error.js';
