/**
 * The one error every validator in this library throws, with stable codes.
 *
 * Each code names the message that failed; `field` names where (a dotted path into the input) and
 * `rule` says which rule was broken, citing the RFC section. These are messages a client receives
 * (token responses, metadata, challenges), so a failure means "the other side is broken or
 * hostile": refuse the message, never repair it.
 */

/**
 * Stable codes, one per message type. Match on these, never on messages.
 *
 * @example
 * if (error instanceof TokenTypeValidationError && error.code === TOKEN_TYPE_ERROR_CODES.tokenResponse) {
 *   // the token endpoint's answer was not an RFC 6749 §5.1 response
 * }
 */
export const TOKEN_TYPE_ERROR_CODES = Object.freeze({
  tokenResponse: 'ERR_TOKEN_RESPONSE_INVALID',
  tokenErrorResponse: 'ERR_TOKEN_ERROR_RESPONSE_INVALID',
  authorizationServerMetadata: 'ERR_AUTHORIZATION_SERVER_METADATA_INVALID',
  bearerChallenge: 'ERR_BEARER_CHALLENGE_INVALID',
} as const);

/**
 * One of the codes in `TOKEN_TYPE_ERROR_CODES`.
 *
 * @example
 * const code: TokenTypeErrorCode = 'ERR_TOKEN_RESPONSE_INVALID';
 */
export type TokenTypeErrorCode =
  (typeof TOKEN_TYPE_ERROR_CODES)[keyof typeof TOKEN_TYPE_ERROR_CODES];

/**
 * One broken rule.
 *
 * @example
 * const issue: TokenTypeIssue = { field: 'token_type', rule: 'RFC 6749 §5.1 / §7.1: token_type is REQUIRED ...' };
 */
export interface TokenTypeIssue {
  /** Dotted path into the input (`scopes_supported.1`), or `(root)` for the value itself. */
  readonly field: string;
  /** The rule, in words, naming the RFC section it comes from. */
  readonly rule: string;
}

/**
 * Thrown when a protocol message breaks a rule. `field` and `rule` describe the first broken
 * rule; `issues` lists all of them.
 *
 * @example
 * try {
 *   parseTokenResponse({ access_token: 'x' });
 * } catch (error) {
 *   if (error instanceof TokenTypeValidationError) {
 *     error.code; // 'ERR_TOKEN_RESPONSE_INVALID'
 *     error.field; // 'token_type'
 *   }
 * }
 */
export class TokenTypeValidationError extends Error {
  override readonly name = 'TokenTypeValidationError';
  readonly issues: readonly TokenTypeIssue[];

  constructor(
    readonly code: TokenTypeErrorCode,
    readonly field: string,
    readonly rule: string,
    issues: readonly TokenTypeIssue[] = [{ field, rule }],
  ) {
    super(`${code}: ${field}: ${rule}`);
    this.issues = Object.freeze([...issues]);
  }
}
