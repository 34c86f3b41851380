import { describe, expect, it } from 'vitest';
import { hasAnyScope } from './has-any-scope.js';

describe('hasAnyScope', () => {
  it('is true when at least one candidate is granted', () => {
    expect(hasAnyScope('openid notes:write', ['notes:read', 'notes:write'])).toBe(true);
    expect(hasAnyScope(['notes:read'], 'notes:read')).toBe(true);
  });

  it('is false when none is granted, compared exactly', () => {
    expect(hasAnyScope('openid profile', 'notes:read notes:write')).toBe(false);
    expect(hasAnyScope('NOTES:READ', 'notes:read')).toBe(false);
    expect(hasAnyScope(undefined, 'notes:read')).toBe(false);
  });

  it('refuses an empty candidate list', () => {
    expect(() => hasAnyScope('notes:read', new Set<string>())).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_EMPTY' }),
    );
  });

  it('fails closed on malformed scopes on either side', () => {
    expect(() => hasAnyScope(' notes:read', 'notes:read')).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_EMPTY_TOKEN' }),
    );
    expect(() => hasAnyScope('notes:read', 'notes:read\t')).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_INVALID_CHARACTER' }),
    );
  });
});
