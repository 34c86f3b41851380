import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, createNonce } from './content-security-policy';

const nonce = 'AAAAAAAAAAAAAAAAAAAAAA==';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  const policy = directives(
    buildContentSecurityPolicy({ nonce, issuer: 'http://localhost:4000/' }),
  );

  it('lets only nonce-carrying scripts run, never inline ones', () => {
    expect(policy.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('forbids plugins, <base> and framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets forms post only here and to the issuer origin (path and slash dropped)', () => {
    expect(policy.get('form-action')).toEqual(["'self'", 'http://localhost:4000']);
  });

  it('allows inline styles only with the nonce', () => {
    expect(policy.get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
  });

  it("adds 'unsafe-eval' only for next dev", () => {
    const dev = directives(
      buildContentSecurityPolicy({ nonce, issuer: 'http://localhost:4000', development: true }),
    );
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
  });

  it('refuses a nonce that is short or could break out of the directive', () => {
    expect(() => buildContentSecurityPolicy({ nonce: 'abc', issuer: 'http://x' })).toThrow(
      TypeError,
    );
    expect(() =>
      buildContentSecurityPolicy({ nonce: `${nonce}' 'unsafe-inline`, issuer: 'http://x' }),
    ).toThrow(TypeError);
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const value of nonces) expect(Buffer.from(value, 'base64')).toHaveLength(16);
  });
});
