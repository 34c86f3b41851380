/**
 * RFC 6749 §3.3 for every input the helpers take: a space-delimited string is parsed with
 * `parseScope`; an iterable must hold scope tokens, each checked against the same `scope-token`
 * rule (so `['openid profile']` is refused: a space never belongs inside a token).
 * Internal: the exported helpers call it.
 */
import { assertScopeToken } from './assert-scope-token.js';
import { parseScope } from './parse-scope.js';
import { SCOPE_SYNTAX_ERROR_CODES, ScopeSyntaxError } from './scope-syntax-error.js';

/**
 * A `scope` string (`'openid notes:read'`) or a collection of scope tokens.
 *
 * @example
 * const fromClaim: ScopeInput = 'openid notes:read';
 * const fromCode: ScopeInput = new Set(['notes:read']);
 */
export type ScopeInput = string | Iterable<string>;

/** The tokens of `input`, in the order given, duplicates kept. `undefined` gives `[]`. */
export function toScopeList(input: ScopeInput | undefined): string[] {
  if (input === undefined) return [];
  if (typeof input === 'string') return parseScope(input);
  if (
    input === null ||
    typeof (input as Partial<Iterable<string>>)[Symbol.iterator] !== 'function'
  ) {
    throw new ScopeSyntaxError(
      SCOPE_SYNTAX_ERROR_CODES.notAString,
      `RFC 6749 §3.3: expected a scope string or an iterable of scope tokens, got ${input === null ? 'null' : typeof input}`,
    );
  }
  return Array.from(input, (token, tokenIndex) => assertScopeToken(token, tokenIndex));
}

/** Throws `ERR_SCOPE_EMPTY` when a list that must name a scope names none. */
export function assertNotEmpty(tokens: readonly string[], what: string): void {
  if (tokens.length === 0) {
    throw new ScopeSyntaxError(
      SCOPE_SYNTAX_ERROR_CODES.empty,
      `RFC 6749 §3.3: ${what} must hold at least one scope token`,
    );
  }
}
