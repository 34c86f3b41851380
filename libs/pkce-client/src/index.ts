export { callProtectedResource, type ApiCallResult } from './api/call-protected-resource.js';
export { buildAuthorizationUrl } from './build-authorization-url.js';
export { buildEndSessionUrl } from './build-end-session-url.js';
export type {
  CallbackCheck,
  CallbackCheckResult,
  CallbackContext,
} from './callback/callback-check.js';
export { checkCallbackError } from './callback/check-callback-error.js';
export { checkCallbackIssuer } from './callback/check-callback-issuer.js';
export { checkCallbackState } from './callback/check-callback-state.js';
export {
  callbackChecks,
  validateCallback,
  type ValidatedCallback,
} from './callback/validate-callback.js';
export { assertCodeVerifier } from './check-code-verifier.js';
export {
  createAuthorizationAttempt,
  type AttemptRandomness,
  type AuthorizationAttempt,
} from './create-authorization-attempt.js';
export { discoverAuthorizationServer } from './discover-authorization-server.js';
export type { DpopKeyStore } from './dpop/dpop-key-store.js';
export { DPOP_KEY_ALGORITHM, generateDpopKeyPair } from './dpop/generate-dpop-key-pair.js';
export { createIndexedDbDpopKeyStore, type IdbFactory } from './dpop/indexeddb-dpop-key-store.js';
export { loadOrCreateDpopKeyPair } from './dpop/load-or-create-dpop-key-pair.js';
export {
  recordDpopProofs,
  type DpopProofRecorder,
  type RecordedDpopProof,
} from './dpop/record-dpop-proofs.js';
export { retryOnceOnDpopNonce } from './dpop/retry-once-on-dpop-nonce.js';
export {
  describePkceClientError,
  pkceClientErrorCatalogue,
  type PkceClientErrorCode,
} from './errors/error-catalogue.js';
export { isNetworkFailure } from './errors/is-network-failure.js';
export { mapTokenEndpointError } from './errors/map-token-endpoint-error.js';
export { isPkceClientError, PkceClientError } from './errors/pkce-client-error.js';
export { exchangeAuthorizationCode } from './exchange-authorization-code.js';
export {
  describeAttemptSteps,
  describeCallbackChecksStep,
  describeCallbackStep,
  describeTokenRequestStep,
  describeTokenResponseStep,
} from './flow-log/describe-steps.js';
export { describeDpopKeyStep, describeDpopProofSteps } from './flow-log/describe-dpop-steps.js';
export {
  appendFlowSteps,
  createFlowStep,
  displayFlowField,
  flowStepCatalogue,
  persistableFlowLog,
  type FieldDisplay,
  type FlowField,
  type FlowFieldSensitivity,
  type FlowLog,
  type FlowStep,
  type FlowStepKind,
} from './flow-log/flow-step.js';
export {
  parsePendingAttempt,
  PENDING_ATTEMPT_MAX_AGE_MS,
  serialisePendingAttempt,
  type PendingAttemptRecord,
} from './pending-attempt/pending-attempt.js';
export { decodeJwtForDisplay, type DecodedJwt } from './redaction/decode-jwt-for-display.js';
export { maskSecret } from './redaction/mask-secret.js';
export { redactTokenResponse } from './redaction/redact-token-response.js';
export { refreshTokenSet, type RefreshResult } from './refresh-token-set.js';
export { revokeRefreshToken } from './revoke-refresh-token.js';
export { createMemorySecretStore, type SecretStore } from './session/secret-store.js';
export { singleFlight } from './session/single-flight.js';
export {
  createTokenSession,
  type RefreshOperation,
  type TokenSession,
  type TokenSessionState,
} from './session/token-session.js';
export type { PkceClientSettings } from './settings.js';
export { toTokenSet, type TokenSet } from './token-set.js';
export * from './lab/index.js';
