import { describe, expect, it } from 'vitest';
import { parseScope } from './parse-scope.js';
import { API_SCOPES, OIDC_SCOPES, scopeCatalogue } from './scope-catalogue.js';

describe('scopeCatalogue', () => {
  it('holds exactly the OIDC scopes then the API scopes, in catalogue order', () => {
    expect(OIDC_SCOPES).toEqual(['openid', 'profile', 'email', 'offline_access']);
    expect(API_SCOPES).toEqual(['notes:read', 'notes:write', 'notes:stats']);
    expect(Object.keys(scopeCatalogue)).toEqual([...OIDC_SCOPES, ...API_SCOPES]);
  });

  it('keys every entry by its own name, and every name is one valid scope-token', () => {
    for (const [key, definition] of Object.entries(scopeCatalogue)) {
      expect(definition.name).toBe(key);
      expect(parseScope(definition.name)).toEqual([key]);
    }
  });

  it('marks OIDC scopes oidc and API scopes api', () => {
    for (const name of OIDC_SCOPES) expect(scopeCatalogue[name].kind).toBe('oidc');
    for (const name of API_SCOPES) expect(scopeCatalogue[name].kind).toBe('api');
  });

  it('never offers OIDC or user scopes to machines, nor the machine scope to user clients', () => {
    for (const name of [...OIDC_SCOPES, 'notes:read', 'notes:write'] as const) {
      expect(scopeCatalogue[name].clientKinds).toEqual(['confidential', 'public']);
    }
    expect(scopeCatalogue['notes:stats'].clientKinds).toEqual(['machine']);
  });

  it('describes every scope for a consent screen in one sentence', () => {
    for (const definition of Object.values(scopeCatalogue)) {
      expect(definition.description).toMatch(/^[A-Z].{5,100}\.$/);
    }
  });

  it('is deeply frozen, so no caller can widen the policy at runtime', () => {
    expect(Object.isFrozen(scopeCatalogue)).toBe(true);
    expect(Object.isFrozen(OIDC_SCOPES)).toBe(true);
    expect(Object.isFrozen(API_SCOPES)).toBe(true);
    for (const definition of Object.values(scopeCatalogue)) {
      expect(Object.isFrozen(definition)).toBe(true);
      expect(Object.isFrozen(definition.clientKinds)).toBe(true);
    }
    expect(() => {
      (scopeCatalogue['notes:stats'].clientKinds as string[]).push('public');
    }).toThrow(TypeError);
  });
});
