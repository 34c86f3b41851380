import { describe, expect, it } from 'vitest';
import {
  readPermissionsClaim,
  readScopeClaim,
  readScpClaim,
  scopeReaderFor,
} from './read-scope-claim.js';
import {
  machineRules,
  principalKindByAuth0ClientsSuffix,
  principalKindByIdtyp,
  principalKindBySubject,
} from './principal-kind.js';

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

  it('refuses permissions as a string and array items that are not one scope-token', () => {
    for (const claims of [
      { permissions: 'notes:read' },
      { permissions: ['notes:read notes:write'] },
      { scp: ['a"b'] },
      { scp: [''] },
      { scp: 42 },
    ]) {
      const reader = 'scp' in claims ? readScpClaim : readPermissionsClaim;
      expect(() => reader(claims)).toThrow(expect.objectContaining({ code: 'claim_invalid' }));
    }
  });

  it('maps each scopeClaim name to its reader', () => {
    expect(scopeReaderFor('scope')).toBe(readScopeClaim);
    expect(scopeReaderFor('scp')).toBe(readScpClaim);
    expect(scopeReaderFor('permissions')).toBe(readPermissionsClaim);
  });
});

describe('principalKindBySubject', () => {
  it('calls a token whose sub is its client_id a machine token', () => {
    expect(
      principalKindBySubject({ sub: 'oauth-ref-machine', client_id: 'oauth-ref-machine' }),
    ).toBe('machine');
    expect(principalKindBySubject({ sub: 'alice', client_id: 'oauth-ref-web' })).toBe('user');
  });

  it('compares sub with the client id the lib resolved (Okta cid), and without one says user', () => {
    expect(principalKindBySubject({ sub: '0oa1', cid: '0oa1' }, '0oa1')).toBe('machine');
    expect(principalKindBySubject({ sub: '0oa1', cid: '0oa1' }, '0oa2')).toBe('user');
    expect(principalKindBySubject({})).toBe('user');
  });
});

describe('named machine rules', () => {
  it('auth0-clients-suffix: sub must be exactly "<client id>@clients"', () => {
    expect(principalKindByAuth0ClientsSuffix({ sub: 'abc@clients' }, 'abc')).toBe('machine');
    expect(principalKindByAuth0ClientsSuffix({ sub: 'evil@clients' }, 'abc')).toBe('user');
    expect(principalKindByAuth0ClientsSuffix({ sub: 'abc@clients' }, undefined)).toBe('user');
    expect(principalKindByAuth0ClientsSuffix({ sub: 'auth0|1' }, 'abc')).toBe('user');
  });

  it('idtyp-app: only idtyp "app" is a machine', () => {
    expect(principalKindByIdtyp({ idtyp: 'app' })).toBe('machine');
    expect(principalKindByIdtyp({ idtyp: 'user' })).toBe('user');
    expect(principalKindByIdtyp({ idtyp: ['app'] })).toBe('user');
    expect(principalKindByIdtyp({})).toBe('user');
  });

  it('are looked up by name', () => {
    expect(Object.keys(machineRules)).toEqual([
      'sub-equals-client-id',
      'auth0-clients-suffix',
      'idtyp-app',
    ]);
    expect(machineRules['sub-equals-client-id']).toBe(principalKindBySubject);
  });
});
