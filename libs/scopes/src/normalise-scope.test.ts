import { describe, expect, it } from 'vitest';
import { normaliseScope } from './normalise-scope.js';
import { ScopeSyntaxError } from './scope-syntax-error.js';

describe('normaliseScope', () => {
  it('removes duplicates keeping first-seen order (not catalogue order)', () => {
    expect(normaliseScope('notes:read openid notes:read profile openid')).toEqual([
      'notes:read',
      'openid',
      'profile',
    ]);
    expect(normaliseScope(['email', 'openid', 'email'])).toEqual(['email', 'openid']);
    expect(normaliseScope(new Set(['b', 'a']))).toEqual(['b', 'a']);
  });

  it('keeps scopes the catalogue does not know and never folds case', () => {
    expect(normaliseScope('Notes:Read notes:read custom')).toEqual([
      'Notes:Read',
      'notes:read',
      'custom',
    ]);
  });

  it('gives an empty list for an absent scope or an empty collection', () => {
    expect(normaliseScope(undefined)).toEqual([]);
    expect(normaliseScope([])).toEqual([]);
  });

  it('refuses an empty string, like parseScope', () => {
    expect(() => normaliseScope('')).toThrow(ScopeSyntaxError);
  });

  it('refuses collection items that are not single valid tokens', () => {
    expect(() => normaliseScope(['openid profile'])).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_INVALID_CHARACTER', tokenIndex: 0 }),
    );
    expect(() => normaliseScope(['openid', ''])).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_EMPTY_TOKEN', tokenIndex: 1 }),
    );
    expect(() => normaliseScope(['openid', 'a\\b'])).toThrow(/at index 1/);
    expect(() => normaliseScope([7] as unknown as string[])).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_NOT_A_STRING' }),
    );
  });

  it('refuses inputs that are neither a string nor an iterable', () => {
    for (const input of [null, 42, { scope: 'openid' }]) {
      expect(() => normaliseScope(input as unknown as string)).toThrow(
        expect.objectContaining({ code: 'ERR_SCOPE_NOT_A_STRING' }),
      );
    }
  });
});
