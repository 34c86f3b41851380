import { describe, expect, it } from 'vitest';
import { SCOPE_SYNTAX_ERROR_CODES, ScopeSyntaxError } from './scope-syntax-error.js';

describe('ScopeSyntaxError', () => {
  it('carries a stable code, the OAuth error invalid_scope and where the problem is', () => {
    const error = new ScopeSyntaxError(SCOPE_SYNTAX_ERROR_CODES.emptyToken, 'empty', {
      position: 3,
      tokenIndex: 1,
      token: '',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScopeSyntaxError');
    expect(error.code).toBe('ERR_SCOPE_EMPTY_TOKEN');
    expect(error.oauthError).toBe('invalid_scope');
    expect([error.position, error.tokenIndex, error.token]).toEqual([3, 1, '']);
  });

  it('leaves the location undefined when there is none', () => {
    const error = new ScopeSyntaxError(SCOPE_SYNTAX_ERROR_CODES.empty, 'nothing');
    expect([error.position, error.tokenIndex, error.token]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('keeps its codes stable', () => {
    expect(Object.values(SCOPE_SYNTAX_ERROR_CODES)).toEqual([
      'ERR_SCOPE_NOT_A_STRING',
      'ERR_SCOPE_EMPTY',
      'ERR_SCOPE_EMPTY_TOKEN',
      'ERR_SCOPE_INVALID_CHARACTER',
    ]);
  });
});
