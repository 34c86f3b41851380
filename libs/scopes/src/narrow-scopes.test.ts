import { describe, expect, it } from 'vitest';
import { narrowScopes } from './narrow-scopes.js';
import type { ClientKind } from './scope-definition.js';

const everything = 'openid profile email offline_access notes:read notes:write notes:stats';

describe('narrowScopes', () => {
  it('gives user-facing clients the OIDC and user API scopes, never the machine scope', () => {
    const userScopes = [
      'openid',
      'profile',
      'email',
      'offline_access',
      'notes:read',
      'notes:write',
    ];
    expect(narrowScopes(everything, 'confidential')).toEqual(userScopes);
    expect(narrowScopes(everything, 'public')).toEqual(userScopes);
  });

  it('gives a machine client only the machine scope (no OIDC, no user scopes)', () => {
    expect(narrowScopes(everything, 'machine')).toEqual(['notes:stats']);
    expect(narrowScopes('openid offline_access notes:read', 'machine')).toEqual([]);
  });

  it('drops unknown scopes, including prototype member names and case variants', () => {
    expect(
      narrowScopes('openid admin constructor __proto__ toString Notes:Read notes:read', 'public'),
    ).toEqual(['openid', 'notes:read']);
  });

  it('keeps first-seen order and removes duplicates', () => {
    expect(narrowScopes(['notes:write', 'openid', 'notes:write'], 'confidential')).toEqual([
      'notes:write',
      'openid',
    ]);
  });

  it('gives nothing for an absent request or an unknown client kind (fail closed)', () => {
    expect(narrowScopes(undefined, 'public')).toEqual([]);
    expect(narrowScopes(everything, 'admin' as ClientKind)).toEqual([]);
  });

  it('refuses malformed scope syntax', () => {
    expect(() => narrowScopes('openid\tnotes:read', 'public')).toThrow(
      expect.objectContaining({ code: 'ERR_SCOPE_INVALID_CHARACTER' }),
    );
  });
});
