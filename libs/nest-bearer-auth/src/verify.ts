/**
 * The framework-free entry: the verification pipeline and its explained form, without NestJS.
 * `import { explainAccessToken } from '@oauth-ref/nest-bearer-auth/verify'`.
 */
export {
  createAccessTokenVerifier,
  createJwksClient,
  verifyAccessToken,
  type AccessTokenVerifier,
  type VerifiableRequest,
} from './verify-access-token.js';
export {
  resolveBearerAuthOptions,
  type BearerAuthOptions,
  type ResolvedBearerAuthOptions,
} from './bearer-auth-options.js';
export { JwksClient, type JwksClientOptions } from './jwks-client.js';
export {
  explainAccessToken,
  type AccessTokenExplanation,
  type ExplainedCheck,
  type ExplainedCheckId,
  type ExplainRequest,
} from './explain-access-token.js';
export { checkTokenAudience } from './check-token-audience.js';
export { checkTokenExpiry } from './check-token-expiry.js';
export { checkTokenType } from './check-token-type.js';
