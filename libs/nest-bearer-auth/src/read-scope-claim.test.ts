import { describe, expect, it } from 'vitest';
import { readPermissionsClaim, readScopeClaim, readScpClaim } from './read-scope-claim.js';
import { principalKindBySubject } from './principal-kind.js';

describe('scope readers', () => {
  it('reads the RFC 9068 space-delimited scope claim; absent grants nothing', () => {
    expect(readScopeClaim({ scope: 'openid notes:read' })).toEqual(['openid', 'notes:read']);
    expect(readScopeClaim({})).toEqual([]);
  });

  it('refuses a scope claim with invalid syntax', () => {
    expect(() => readScopeClaim({ scope: 'notes:read  "bad"' })).toThrow(
      expect.objectContaining({ code: 'claim_invalid' }),
    );
  });

  it('adapts scp as a string or an array, and permissions as an array', () => {
    expect(readScpClaim({ scp: 'notes:read notes:write' })).toEqual(['notes:read', 'notes:write']);
    expect(readScpClaim({ scp: ['notes:read'] })).toEqual(['notes:read']);
    expect(readPermissionsClaim({ permissions: ['notes:write'] })).toEqual(['notes:write']);
    expect(readPermissionsClaim({})).toEqual([]);
    expect(() => readPermissionsClaim({ permissions: [1] })).toThrow(
      expect.objectContaining({ code: 'claim_invalid' }),
    );
  });
});

describe('principalKindBySubject', () => {
  it('calls a token whose sub is its client_id a machine token', () => {
    expect(
      principalKindBySubject({ sub: 'oauth-ref-machine', client_id: 'oauth-ref-machine' }),
    ).toBe('machine');
    expect(principalKindBySubject({ sub: 'alice', client_id: 'oauth-ref-web' })).toBe('user');
  });
});
