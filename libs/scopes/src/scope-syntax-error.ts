/**
 * The one error these helpers throw, with stable codes.
 *
 * RFC 6749 §3.3 defines the syntax of the `scope` parameter; a value that breaks it is answered with
 * the OAuth error `invalid_scope` (RFC 6749 §4.1.2.1 at the authorization endpoint, §5.2 at the token
 * endpoint). Every code maps to that one OAuth error, exposed as `oauthError`.
 */

/**
 * Stable codes, one per broken rule. Match on these, never on the message.
 *
 * @example
 * if (error instanceof ScopeSyntaxError && error.code === SCOPE_SYNTAX_ERROR_CODES.emptyToken) {
 *   // a leading, trailing or double space
 * }
 */
export const SCOPE_SYNTAX_ERROR_CODES = Object.freeze({
  /** The value is not a string (or an iterable of strings). */
  notAString: 'ERR_SCOPE_NOT_A_STRING',
  /** The value holds no scope token at all (`scope = scope-token *( SP scope-token )` needs one). */
  empty: 'ERR_SCOPE_EMPTY',
  /** An empty scope token: a leading, trailing or doubled space. */
  emptyToken: 'ERR_SCOPE_EMPTY_TOKEN',
  /** A character outside `%x21 / %x23-5B / %x5D-7E` (space inside a token, tab, `"`, `\`, non-ASCII). */
  invalidCharacter: 'ERR_SCOPE_INVALID_CHARACTER',
} as const);

/**
 * One of the codes in `SCOPE_SYNTAX_ERROR_CODES`.
 *
 * @example
 * const code: ScopeSyntaxErrorCode = 'ERR_SCOPE_INVALID_CHARACTER';
 */
export type ScopeSyntaxErrorCode =
  (typeof SCOPE_SYNTAX_ERROR_CODES)[keyof typeof SCOPE_SYNTAX_ERROR_CODES];

/**
 * Where the problem is. Positions are 0-based UTF-16 offsets into the value as given.
 *
 * @example
 * const details: ScopeSyntaxErrorDetails = { position: 7, tokenIndex: 1, token: '' };
 */
export interface ScopeSyntaxErrorDetails {
  /** Offset of the offending character or empty token in the `scope` string, if there is one. */
  readonly position?: number;
  /** 0-based index of the offending token. */
  readonly tokenIndex?: number;
  /** The offending token as given (possibly empty). */
  readonly token?: string;
}

/**
 * Thrown when a scope value breaks RFC 6749 §3.3.
 *
 * @example
 * try {
 *   parseScope('openid  email');
 * } catch (error) {
 *   if (error instanceof ScopeSyntaxError) {
 *     error.code; // 'ERR_SCOPE_EMPTY_TOKEN'
 *     error.position; // 7
 *     error.oauthError; // 'invalid_scope'
 *   }
 * }
 */
export class ScopeSyntaxError extends Error {
  override readonly name = 'ScopeSyntaxError';
  /** The OAuth error to answer with (RFC 6749 §4.1.2.1 / §5.2). */
  readonly oauthError = 'invalid_scope';
  readonly position: number | undefined;
  readonly tokenIndex: number | undefined;
  readonly token: string | undefined;

  constructor(
    readonly code: ScopeSyntaxErrorCode,
    message: string,
    details: ScopeSyntaxErrorDetails = {},
  ) {
    super(message);
    this.position = details.position;
    this.tokenIndex = details.tokenIndex;
    this.token = details.token;
  }
}
