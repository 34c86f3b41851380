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
