export {
  TOKEN_TYPE_ERROR_CODES,
  TokenTypeValidationError,
  type TokenTypeErrorCode,
  type TokenTypeIssue,
} from './token-type-validation-error.js';
export {
  parseTokenResponse,
  tokenResponseSchema,
  tokenTypeSchema,
  type AccessTokenType,
  type TokenResponse,
} from './parse-token-response.js';
export {
  parseTokenErrorResponse,
  tokenErrorResponseSchema,
  type TokenErrorCode,
  type TokenErrorResponse,
} from './parse-token-error-response.js';
export {
  authorizationServerMetadataSchema,
  createAuthorizationServerMetadataSchema,
  type HttpPolicy,
  parseAuthorizationServerMetadata,
  type AuthorizationServerMetadata,
  type AuthorizationServerMetadataExpectations,
} from './parse-authorization-server-metadata.js';
export {
  BEARER_ERROR_STATUS,
  type BearerChallenge,
  type BearerChallengeOptions,
  type BearerErrorCode,
} from './bearer-challenge.js';
export { bearerChallengeOptionsSchema, buildBearerChallenge } from './build-bearer-challenge.js';
export { parseBearerChallenge } from './parse-bearer-challenge.js';
export { splitAuthChallenges, type RawChallenge } from './split-auth-challenges.js';
export {
  discoverAuthorizationServer,
  DiscoveryError,
  wellKnownUrl,
  type DiscoveryFailure,
  type DiscoveryOptions,
  type WellKnownDocument,
} from './discover-authorization-server.js';
export { buildEndSessionUrl, type EndSessionRequest } from './build-end-session-url.js';
export {
  clientSecretBasic,
  RevocationError,
  revokeToken,
  type RevokeTokenRequest,
} from './revoke-token.js';
