import { describe, expect, it } from 'vitest';
import { formatScope } from './format-scope.js';
import { parseScope } from './parse-scope.js';

describe('formatScope (RFC 6749 §3.3)', () => {
  it('joins tokens with single spaces, dropping duplicates in first-seen order', () => {
    expect(formatScope(['openid', 'notes:read', 'openid'])).toBe('openid notes:read');
    expect(formatScope(new Set(['notes:stats']))).toBe('notes:stats');
  });

  it('round-trips with parseScope', () => {
    const value = 'openid profile email offline_access notes:read notes:write';
    expect(formatScope(parseScope(value))).toBe(value);
  });

  it('re-validates a scope string instead of passing it through', () => {
    expect(formatScope('openid openid email')).toBe('openid email');
    expect(() => formatScope('openid  email')).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_EMPTY_TOKEN' }),
    );
  });

  it('refuses a token that would silently become two scopes or carries forbidden characters', () => {
    expect(() => formatScope(['openid email'])).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_INVALID_CHARACTER' }),
    );
    expect(() => formatScope(['openid', 'x"y'])).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_INVALID_CHARACTER', tokenIndex: 1 }),
    );
  });

  it('refuses to format nothing (omit the parameter instead)', () => {
    expect(() => formatScope([])).toThrow(expect.objectContaining({ code: 'ERR_SCOPE_EMPTY' }));
  });
});
