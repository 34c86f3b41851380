import { describe, expect, it } from 'vitest';
import { parseScope } from './parse-scope.js';
import { ScopeSyntaxError } from './scope-syntax-error.js';

function syntaxErrorOf(run: () => unknown): ScopeSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScopeSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a ScopeSyntaxError');
}

describe('parseScope (RFC 6749 §3.3)', () => {
  it('splits a scope on single spaces, keeping order and duplicates', () => {
    expect(parseScope('openid profile notes:read')).toEqual(['openid', 'profile', 'notes:read']);
    expect(parseScope('b a b')).toEqual(['b', 'a', 'b']);
    expect(parseScope('notes:read')).toEqual(['notes:read']);
  });

  it('accepts every character of the scope-token range and nothing is case-folded', () => {
    const everyAllowed = [0x21, ...range(0x23, 0x5b), ...range(0x5d, 0x7e)]
      .map((code) => String.fromCharCode(code))
      .join('');
    expect(parseScope(everyAllowed)).toEqual([everyAllowed]);
    expect(parseScope('Notes:Read https://api.example.com/x?y=1#z')).toEqual([
      'Notes:Read',
      'https://api.example.com/x?y=1#z',
    ]);
  });

  it('refuses an empty value (a scope has at least one token)', () => {
    const error = syntaxErrorOf(() => parseScope(''));
    expect(error.code).toBe('ERR_SCOPE_EMPTY');
    expect(error.position).toBe(0);
    expect(error.oauthError).toBe('invalid_scope');
  });

  it.each([
    ['a leading space', ' openid', 0, 0],
    ['a trailing space', 'openid ', 7, 1],
    ['a double space', 'openid  profile', 7, 1],
    ['a lone space', ' ', 0, 0],
  ])('refuses %s as an empty token and names where it is', (_, value, position, tokenIndex) => {
    const error = syntaxErrorOf(() => parseScope(value));
    expect(error.code).toBe('ERR_SCOPE_EMPTY_TOKEN');
    expect(error.position).toBe(position);
    expect(error.tokenIndex).toBe(tokenIndex);
    expect(error.token).toBe('');
    expect(error.message).toContain(`position ${position}`);
  });

  it.each([
    ['a tab', 'openid\tprofile', 6, 'U+0009'],
    ['a newline', 'openid\nprofile', 6, 'U+000A'],
    ['a NUL', 'openid\u0000', 6, 'U+0000'],
    ['DEL', 'notes:read\u007f', 10, 'U+007F'],
    ['a double quote', 'openid "x"', 7, 'U+0022'],
    ['a backslash', 'notes\\read', 5, 'U+005C'],
    ['a non-breaking space', 'openid\u00a0profile', 6, 'U+00A0'],
    ['a non-ASCII letter', 'openid notés:read', 10, 'U+00E9'],
    ['an astral character', 'openid 😀', 7, 'U+1F600'],
  ])('refuses %s and names the position, token and character', (_, value, position, character) => {
    const error = syntaxErrorOf(() => parseScope(value));
    expect(error.code).toBe('ERR_SCOPE_INVALID_CHARACTER');
    expect(error.position).toBe(position);
    expect(error.token).toBe(value.split(' ')[error.tokenIndex ?? -1]);
    expect(error.message).toContain(character);
    expect(error.message).toContain(`position ${position}`);
    expect(error.message).toContain('RFC 6749 §3.3');
  });

  it('refuses a value that is not a string (untyped callers)', () => {
    for (const value of [undefined, null, 42, ['openid']]) {
      expect(syntaxErrorOf(() => parseScope(value as unknown as string)).code).toBe(
        'ERR_SCOPE_NOT_A_STRING',
      );
    }
    expect(syntaxErrorOf(() => parseScope(null as unknown as string)).message).toContain('null');
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
