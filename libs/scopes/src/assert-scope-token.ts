/**
 * RFC 6749 §3.3: `scope-token = 1*( %x21 / %x23-5B / %x5D-7E )`.
 *
 * A token is one or more printable ASCII characters other than space (%x20), double quote (%x22)
 * and backslash (%x5C). Tabs, other control characters and anything outside ASCII are refused.
 * Internal: the exported helpers call it for every token they accept.
 */
import { SCOPE_SYNTAX_ERROR_CODES, ScopeSyntaxError } from './scope-syntax-error.js';

function isScopeTokenCharacter(code: number): boolean {
  return code === 0x21 || (code >= 0x23 && code <= 0x5b) || (code >= 0x5d && code <= 0x7e);
}

function describeCharacter(token: string, index: number): string {
  // index < token.length, so there is a code point here.
  const codePoint = token.codePointAt(index) as number;
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex}`;
}

/**
 * Throws `ScopeSyntaxError` unless `token` is one RFC 6749 §3.3 scope-token.
 * `offset` is where the token starts in the full `scope` string, for the error's `position`.
 */
export function assertScopeToken(token: unknown, tokenIndex: number, offset?: number): string {
  if (typeof token !== 'string') {
    throw new ScopeSyntaxError(
      SCOPE_SYNTAX_ERROR_CODES.notAString,
      `RFC 6749 §3.3: scope token ${tokenIndex} must be a string, got ${typeof token}`,
      { tokenIndex },
    );
  }
  if (token.length === 0) {
    throw new ScopeSyntaxError(
      SCOPE_SYNTAX_ERROR_CODES.emptyToken,
      `RFC 6749 §3.3: scope token ${tokenIndex}${offset === undefined ? '' : ` at position ${offset}`} is empty ` +
        '(a scope is tokens separated by exactly one space: no leading, trailing or double spaces)',
      { tokenIndex, token, position: offset },
    );
  }
  for (let index = 0; index < token.length; index += 1) {
    if (!isScopeTokenCharacter(token.charCodeAt(index))) {
      const position = offset === undefined ? undefined : offset + index;
      throw new ScopeSyntaxError(
        SCOPE_SYNTAX_ERROR_CODES.invalidCharacter,
        `RFC 6749 §3.3: scope token ${tokenIndex} ${JSON.stringify(token)} has the forbidden ` +
          `character ${describeCharacter(token, index)}` +
          `${position === undefined ? ` at index ${index}` : ` at position ${position}`} ` +
          '(allowed: %x21 / %x23-5B / %x5D-7E, i.e. printable ASCII except space, " and \\)',
        { tokenIndex, token, position },
      );
    }
  }
  return token;
}
