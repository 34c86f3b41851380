import { describe, expect, it } from 'vitest';
import { hasAllScopes } from './has-all-scopes.js';

describe('hasAllScopes', () => {
  it('is true only when every required scope is granted', () => {
    expect(hasAllScopes('openid notes:read notes:write', ['notes:read', 'notes:write'])).toBe(true);
    expect(hasAllScopes(['notes:read'], 'notes:read')).toBe(true);
    expect(hasAllScopes('openid notes:read', 'notes:read notes:write')).toBe(false);
  });

  it('compares exactly: no case folding, no prefix matching', () => {
    expect(hasAllScopes('Notes:Read', 'notes:read')).toBe(false);
    expect(hasAllScopes('notes', 'notes:read')).toBe(false);
    expect(hasAllScopes('notes:read:all', 'notes:read')).toBe(false);
  });

  it('grants nothing for an absent or empty granted scope', () => {
    expect(hasAllScopes(undefined, 'notes:read')).toBe(false);
    expect(hasAllScopes([], 'notes:read')).toBe(false);
  });

  it('refuses an empty requirement instead of allowing everything', () => {
    expect(() => hasAllScopes('notes:read', [])).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_EMPTY' }),
    );
  });

  it('fails closed on malformed scopes on either side', () => {
    expect(() => hasAllScopes('notes:read  notes:write', 'notes:read')).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_EMPTY_TOKEN' }),
    );
    expect(() => hasAllScopes('notes:read', ['notes:read notes:write'])).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_INVALID_CHARACTER' }),
    );
  });
});
