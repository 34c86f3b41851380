export {
  AuthError,
  ProviderErrorResponse,
  ProviderUnavailableError,
  RefreshLeaseTimeoutError,
  RefreshRejectedError,
  SessionExpiredError,
} from './errors.js';
export type { AuthErrorCode } from './errors.js';
export { createPrismaTokenStore } from './prisma-token-store.js';
export { createSingleFlightRefresh, isFresh } from './single-flight-refresh.js';
export type {
  AccessTokenSource,
  RefreshTokenUse,
  SingleFlightRefreshOptions,
} from './single-flight-refresh.js';
export type { RefreshedTokens, StoredTokens, TokenStore } from './token-store.js';
export { createAccessTokenSource } from './create-access-token-source.js';
export type { AccessTokenSourceInput } from './create-access-token-source.js';

// OAuth / OIDC requests of a confidential client
export {
  clearDiscoveryCache,
  discoverProvider,
  IssuerMismatchError,
} from './oauth/discover-provider.js';
export type { ProviderMetadata } from './oauth/discover-provider.js';
export { refreshTokenGrant } from './oauth/refresh-token-grant.js';
export type { RefreshGrantRequest, RefreshGrantResult } from './oauth/refresh-token-grant.js';
export { revokeRefreshToken } from './oauth/revoke-refresh-token.js';
export type { RevokeRefreshTokenRequest } from './oauth/revoke-refresh-token.js';
export { endSessionUrl } from './oauth/end-session-url.js';
export type { EndSessionUrlRequest } from './oauth/end-session-url.js';

// next-auth v4: provider definition, options (callbacks, events), cookies, outcome of a request
export {
  authorizationParams,
  chooseIdTokenAlgorithm,
  ID_TOKEN_ALGORITHMS,
  oidcProvider,
} from './next-auth/oidc-provider.js';
export type { OidcClientSettings, OidcProfile } from './next-auth/oidc-provider.js';
export { createAuthOptions, SESSION_MAX_AGE_SECONDS } from './next-auth/create-auth-options.js';
export type { AuthOptionsInput } from './next-auth/create-auth-options.js';
export { buildCookieOptions } from './next-auth/cookie-options.js';
export { pickAccountFields, pickTokenColumns } from './next-auth/account-columns.js';
export type { AccountColumns } from './next-auth/account-columns.js';
export { safeRedirect } from './next-auth/safe-redirect.js';
export type { SafeRedirectResult } from './next-auth/safe-redirect.js';
export { classifySignInFailure } from './next-auth/classify-sign-in-failure.js';
export type { SignInFailure } from './next-auth/classify-sign-in-failure.js';
export { runNextAuth } from './next-auth/run-next-auth.js';
export type { NextAuthOutcome } from './next-auth/run-next-auth.js';
export type { SecurityLog, WebAuthSecurityEvent } from './next-auth/security-log.js';

// Flow recording (the app supplies the store)
export type {
  ApiCallDetail,
  AuthorizationRequestDetail,
  CallbackDetail,
  CallbackRejectedDetail,
  FlowDetail,
  FlowEvent,
  FlowRecorder,
  FlowStep,
  RefreshRejectedDetail,
  SignOutDetail,
  TokenResponseDetail,
} from './flow/flow-events.js';
export { decodeJwt } from './flow/decode-jwt.js';
export type { DecodedJwt } from './flow/decode-jwt.js';
export { describeTokenResponse } from './flow/describe-token-response.js';
export type { TokenResponseLike } from './flow/describe-token-response.js';
export { flowIdFromState } from './flow/flow-id.js';
export { redactCallbackParams } from './flow/redact-callback-params.js';
export { redactToken } from './flow/redact-token.js';
