/**
 * RFC 6749 §3.3: `scope = scope-token *( SP scope-token )`,
 * `scope-token = 1*( %x21 / %x23-5B / %x5D-7E )`.
 *
 * Exactly one space (%x20) separates tokens, so an empty value, a leading or trailing space, or two
 * spaces in a row are errors, not "empty tokens to skip". Tabs, quotes, backslashes, control
 * characters and non-ASCII characters are errors too. Lenient parsing here is how two parties end up
 * disagreeing about what was granted.
 */
import { assertScopeToken } from './assert-scope-token.js';
import { SCOPE_SYNTAX_ERROR_CODES, ScopeSyntaxError } from './scope-syntax-error.js';

/**
 * Splits a `scope` parameter into its tokens, in the order given (duplicates kept: see
 * `normaliseScope`). Throws `ScopeSyntaxError` naming the offending position and token. An absent
 * parameter is the caller's business: pass only values that are present.
 *
 * @example
 * parseScope('openid profile notes:read'); // ['openid', 'profile', 'notes:read']
 * parseScope('openid  profile'); // throws ScopeSyntaxError (ERR_SCOPE_EMPTY_TOKEN, position 7)
 * parseScope('openid\tprofile'); // throws ScopeSyntaxError (ERR_SCOPE_INVALID_CHARACTER, position 6)
 */
export function parseScope(value: string): string[] {
  if (typeof value !== 'string') {
    throw new ScopeSyntaxError(
      SCOPE_SYNTAX_ERROR_CODES.notAString,
      `RFC 6749 §3.3: a scope must be a string, got ${value === null ? 'null' : typeof value}`,
    );
  }
  if (value.length === 0) {
    throw new ScopeSyntaxError(
      SCOPE_SYNTAX_ERROR_CODES.empty,
      'RFC 6749 §3.3: a scope holds at least one scope token; omit the parameter instead of sending it empty',
      { position: 0 },
    );
  }
  const tokens = value.split(' ');
  let offset = 0;
  return tokens.map((token, tokenIndex) => {
    const accepted = assertScopeToken(token, tokenIndex, offset);
    offset += token.length + 1;
    return accepted;
  });
}
