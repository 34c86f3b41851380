import { describe, expect, it } from 'vitest';
import { protectedResourceMetadataUrl, resolveBearerAuthOptions } from './bearer-auth-options.js';
import { BearerAuthConfigError } from './errors/bearer-auth-error.js';

const base = { issuer: 'http://localhost:4000', audience: 'http://localhost:3333' };

describe('resolveBearerAuthOptions', () => {
  it('applies safe defaults and freezes the result', () => {
    const options = resolveBearerAuthOptions(base);
    expect(options.algorithms).toEqual(['RS256', 'PS256', 'ES256']);
    expect(options.clockToleranceSeconds).toBe(30);
    expect(options.resourceMetadataUrl).toBe(
      'http://localhost:3333/.well-known/oauth-protected-resource',
    );
    expect(Object.isFrozen(options)).toBe(true);
  });

  it('refuses symmetric and none algorithms', () => {
    for (const alg of ['HS256', 'none']) {
      expect(() => resolveBearerAuthOptions({ ...base, algorithms: [alg as 'RS256'] })).toThrow(
        BearerAuthConfigError,
      );
    }
    expect(() => resolveBearerAuthOptions({ ...base, algorithms: [] })).toThrow(/at least one/);
  });

  it('refuses a clock tolerance above 60 seconds', () => {
    expect(() => resolveBearerAuthOptions({ ...base, clockToleranceSeconds: 61 })).toThrow(
      /between 0 and 60/,
    );
    expect(() => resolveBearerAuthOptions({ ...base, clockToleranceSeconds: -1 })).toThrow(
      /between 0 and 60/,
    );
  });

  it('refuses an issuer that is not an absolute http(s) URL', () => {
    expect(() => resolveBearerAuthOptions({ ...base, issuer: 'localhost:4000' })).toThrow(
      /issuer must be/,
    );
    expect(() => resolveBearerAuthOptions({ ...base, issuer: 'ftp://x' })).toThrow(/http\(s\)/);
    expect(() => resolveBearerAuthOptions({ ...base, issuer: 'http://x/#frag' })).toThrow(
      /fragment/,
    );
    expect(() => resolveBearerAuthOptions({ ...base, audience: '' })).toThrow(/audience/);
    expect(() => resolveBearerAuthOptions({ ...base, jwksUri: 'nope' })).toThrow(/jwksUri/);
  });
});

describe('resolveBearerAuthOptions: token profile, client id claims, scope claim', () => {
  it('defaults to the strict RFC 9068 profile, client_id and the scope claim', () => {
    const options = resolveBearerAuthOptions(base);
    expect(options).toMatchObject({
      tokenProfile: 'rfc9068',
      clientIdClaims: ['client_id'],
      scopeClaim: 'scope',
    });
    expect(options.scopeReader({ scope: 'a b' })).toEqual(['a', 'b']);
  });

  it('takes generic-jwt with vendor client id claims and scope claims', () => {
    const options = resolveBearerAuthOptions({
      ...base,
      tokenProfile: 'generic-jwt',
      clientIdClaims: ['azp', 'appid'],
      scopeClaim: 'scp',
    });
    expect(options.clientIdClaims).toEqual(['azp', 'appid']);
    expect(Object.isFrozen(options.clientIdClaims)).toBe(true);
    expect(options.scopeReader({ scp: ['notes:read'] })).toEqual(['notes:read']);
  });

  it('refuses an unknown profile or scope claim', () => {
    expect(() =>
      resolveBearerAuthOptions({ ...base, tokenProfile: 'lenient' as 'rfc9068' }),
    ).toThrow(/tokenProfile must be one of rfc9068, generic-jwt/);
    expect(() => resolveBearerAuthOptions({ ...base, scopeClaim: 'roles' as 'scp' })).toThrow(
      /scopeClaim must be one of scope, scp, permissions/,
    );
  });

  it('refuses empty, duplicated or malformed client id claims', () => {
    const generic = { ...base, tokenProfile: 'generic-jwt' as const };
    for (const clientIdClaims of [[], [''], ['azp', 'azp'], ['a b'], ['azp,appid']]) {
      expect(() => resolveBearerAuthOptions({ ...generic, clientIdClaims })).toThrow(
        /clientIdClaims must be a non-empty list/,
      );
    }
  });

  it('refuses other client id claims with the rfc9068 profile (it always requires client_id)', () => {
    expect(() => resolveBearerAuthOptions({ ...base, clientIdClaims: ['cid'] })).toThrow(
      /need tokenProfile "generic-jwt"/,
    );
    expect(
      resolveBearerAuthOptions({ ...base, clientIdClaims: ['client_id'] }).clientIdClaims,
    ).toEqual(['client_id']);
  });

  it('refuses scopeClaim together with a custom scopeReader', () => {
    expect(() =>
      resolveBearerAuthOptions({ ...base, scopeClaim: 'scp', scopeReader: () => [] }),
    ).toThrow(/not both/);
    expect(resolveBearerAuthOptions({ ...base, scopeReader: () => [] }).scopeClaim).toBeUndefined();
  });

  it('takes a non-URL audience (api://…, a GUID) only with an http(s) resource', () => {
    for (const audience of ['api://6f1c2f3a', '6f1c2f3a-0000-4000-8000-000000000001']) {
      expect(() => resolveBearerAuthOptions({ ...base, audience })).toThrow(/set resource/);
      const options = resolveBearerAuthOptions({
        ...base,
        audience,
        resource: 'https://api.example.com',
      });
      expect(options.audience).toBe(audience);
      expect(options.resourceMetadataUrl).toBe(
        'https://api.example.com/.well-known/oauth-protected-resource',
      );
    }
    expect(() =>
      resolveBearerAuthOptions({ ...base, audience: 'api://x', resource: 'api://x' }),
    ).toThrow(/resource must be an http\(s\) URL/);
  });
});

describe('protectedResourceMetadataUrl (RFC 9728 §3.1)', () => {
  it('inserts the well-known segment between origin and path', () => {
    expect(protectedResourceMetadataUrl('http://localhost:3333')).toBe(
      'http://localhost:3333/.well-known/oauth-protected-resource',
    );
    expect(protectedResourceMetadataUrl('https://api.example.com/v1/')).toBe(
      'https://api.example.com/.well-known/oauth-protected-resource/v1',
    );
  });
});
