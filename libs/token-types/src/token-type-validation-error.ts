/**
 * The one error every validator in this library throws, with stable codes mapped in one place.
 *
 * Each code names the message that failed; `field` names where (a dotted path into the input) and
 * `rule` says which rule was broken, citing the RFC section. Where a failure has a standard OAuth
 * answer at a server (RFC 6750 §3.1 `invalid_token`, RFC 6749 §5.2 / RFC 7009 §2.1
 * `invalid_request`) the mapping below gives it as `oauthError`.
 */

/**
 * Stable codes, one per message type. Match on these, never on messages.
 *
 * @example
 * if (error instanceof TokenTypeValidationError && error.code === TOKEN_TYPE_ERROR_CODES.accessTokenType) {
 *   // an ID token (or another JWT) was presented as an access token
 * }
 */
export const TOKEN_TYPE_ERROR_CODES = Object.freeze({
  tokenResponse: 'ERR_TOKEN_RESPONSE_INVALID',
  tokenErrorResponse: 'ERR_TOKEN_ERROR_RESPONSE_INVALID',
  authorizationResponse: 'ERR_AUTHORIZATION_RESPONSE_INVALID',
  jwtAccessTokenClaims: 'ERR_JWT_ACCESS_TOKEN_CLAIMS_INVALID',
  accessTokenType: 'ERR_ACCESS_TOKEN_TYPE_INVALID',
  idTokenClaims: 'ERR_ID_TOKEN_CLAIMS_INVALID',
  introspectionResponse: 'ERR_INTROSPECTION_RESPONSE_INVALID',
  revocationRequest: 'ERR_REVOCATION_REQUEST_INVALID',
  authorizationServerMetadata: 'ERR_AUTHORIZATION_SERVER_METADATA_INVALID',
  protectedResourceMetadata: 'ERR_PROTECTED_RESOURCE_METADATA_INVALID',
  bearerChallenge: 'ERR_BEARER_CHALLENGE_INVALID',
} as const);

/**
 * One of the codes in `TOKEN_TYPE_ERROR_CODES`.
 *
 * @example
 * const code: TokenTypeErrorCode = 'ERR_JWT_ACCESS_TOKEN_CLAIMS_INVALID';
 */
export type TokenTypeErrorCode =
  (typeof TOKEN_TYPE_ERROR_CODES)[keyof typeof TOKEN_TYPE_ERROR_CODES];

/** The OAuth error a server answers with when its own input fails (the one mapping). */
const OAUTH_ERRORS: Partial<Record<TokenTypeErrorCode, 'invalid_token' | 'invalid_request'>> = {
  ERR_JWT_ACCESS_TOKEN_CLAIMS_INVALID: 'invalid_token',
  ERR_ACCESS_TOKEN_TYPE_INVALID: 'invalid_token',
  ERR_REVOCATION_REQUEST_INVALID: 'invalid_request',
};

/**
 * One broken rule.
 *
 * @example
 * const issue: TokenTypeIssue = { field: 'aud.1', rule: 'RFC 9068 §2.2: aud is REQUIRED, ...' };
 */
export interface TokenTypeIssue {
  /** Dotted path into the input (`aud.1`), or `(root)` for the value itself. */
  readonly field: string;
  /** The rule, in words, naming the RFC section it comes from. */
  readonly rule: string;
}

/**
 * Thrown when a protocol message or token breaks a rule. `field` and `rule` describe the first
 * broken rule; `issues` lists all of them.
 *
 * @example
 * try {
 *   parseJwtAccessTokenClaims({ iss: 'http://localhost:4000' });
 * } catch (error) {
 *   if (error instanceof TokenTypeValidationError) {
 *     error.code; // 'ERR_JWT_ACCESS_TOKEN_CLAIMS_INVALID'
 *     error.field; // 'exp'
 *     error.rule; // 'RFC 9068 §2.2: exp is REQUIRED, a NumericDate ...'
 *     error.oauthError; // 'invalid_token'
 *   }
 * }
 */
export class TokenTypeValidationError extends Error {
  override readonly name = 'TokenTypeValidationError';
  readonly issues: readonly TokenTypeIssue[];
  /** The OAuth error name a server should answer with, where the standard defines one. */
  readonly oauthError: 'invalid_token' | 'invalid_request' | undefined;

  constructor(
    readonly code: TokenTypeErrorCode,
    readonly field: string,
    readonly rule: string,
    issues: readonly TokenTypeIssue[] = [{ field, rule }],
  ) {
    super(`${code}: ${field}: ${rule}`);
    this.issues = Object.freeze([...issues]);
    this.oauthError = OAUTH_ERRORS[code];
  }
}
