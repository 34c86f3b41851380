import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_NEXTAUTH_SECRET, parseWebConfig, WebConfigError } from './config-schema';

describe('parseWebConfig', () => {
  it('defaults to the local demo stack and the documented development secret', () => {
    const config = parseWebConfig({});
    expect(config).toMatchObject({
      port: 3000,
      baseUrl: 'http://localhost:3000',
      issuer: 'http://localhost:4000',
      clientId: 'oauth-ref-web',
      apiUrl: 'http://localhost:3333',
      resource: 'http://localhost:3333',
      redirectUri: 'http://localhost:3000/api/auth/callback/oauth-ref',
      postLogoutRedirectUri: 'http://localhost:3000/signed-out',
      scope: 'openid profile email offline_access notes:read notes:write',
      secureCookies: false,
      nextAuthSecret: DEVELOPMENT_NEXTAUTH_SECRET,
      usesDevelopmentSecret: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses to start in production without NEXTAUTH_SECRET', () => {
    expect(() => parseWebConfig({ NODE_ENV: 'production' })).toThrow(WebConfigError);
    expect(() => parseWebConfig({ NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET is required/);
  });

  it('lets `next build` import the config without the production secret (it never serves requests)', () => {
    expect(
      parseWebConfig({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })
        .usesDevelopmentSecret,
    ).toBe(true);
  });

  it('rejects a short secret', () => {
    expect(() => parseWebConfig({ NEXTAUTH_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('marks cookies Secure when NEXTAUTH_URL is https', () => {
    const config = parseWebConfig({
      NODE_ENV: 'production',
      NEXTAUTH_URL: 'https://web.example.com/',
      NEXTAUTH_SECRET: 'x'.repeat(40),
    });
    expect(config.secureCookies).toBe(true);
    expect(config.baseUrl).toBe('https://web.example.com');
    expect(config.redirectUri).toBe('https://web.example.com/api/auth/callback/oauth-ref');
  });

  it('keeps the issuer exactly as configured, trailing slash included, so issuer comparison stays exact', () => {
    expect(parseWebConfig({ OAUTH_ISSUER: 'https://tenant.auth0.com/' }).issuer).toBe(
      'https://tenant.auth0.com/',
    );
    expect(parseWebConfig({ OAUTH_ISSUER: 'http://localhost:4000' }).issuer).toBe(
      'http://localhost:4000',
    );
  });

  it('rejects an issuer that is not an http(s) URL and names every bad variable', () => {
    try {
      parseWebConfig({ OAUTH_ISSUER: 'javascript:alert(1)', PORT: 'abc' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WebConfigError);
      expect((error as WebConfigError).issues.map((issue) => issue.split(':')[0])).toEqual(
        expect.arrayContaining(['OAUTH_ISSUER', 'PORT']),
      );
    }
  });
});

describe('parseWebConfig: scope and resource for other providers', () => {
  it("keeps today's request by default: the demo scopes and API_URL as resource, no audience", () => {
    const config = parseWebConfig({ API_URL: 'https://api.example.com/' });
    expect(config.scope).toBe('openid profile email offline_access notes:read notes:write');
    expect(config.resource).toBe('https://api.example.com');
    expect(config.audienceParam).toBeUndefined();
  });

  it('takes OAUTH_SCOPE (Entra ID style API scopes included), normalising runs of spaces', () => {
    const config = parseWebConfig({
      OAUTH_SCOPE: ' openid  profile offline_access api://6f1c2f3a/notes.read ',
    });
    expect(config.scope).toBe('openid profile offline_access api://6f1c2f3a/notes.read');
  });

  it('refuses an OAUTH_SCOPE without openid or with characters outside RFC 6749 §3.3', () => {
    expect(() => parseWebConfig({ OAUTH_SCOPE: 'profile notes:read' })).toThrow(/include openid/);
    expect(() => parseWebConfig({ OAUTH_SCOPE: 'openid "notes"' })).toThrow(/scope tokens/);
    expect(() => parseWebConfig({ OAUTH_SCOPE: 'openid notes\\read' })).toThrow(/scope tokens/);
  });

  it('takes OAUTH_RESOURCE as any absolute URI, and the empty string as "send none"', () => {
    expect(parseWebConfig({ OAUTH_RESOURCE: 'api://6f1c2f3a' }).resource).toBe('api://6f1c2f3a');
    expect(parseWebConfig({ OAUTH_RESOURCE: '' }).resource).toBeUndefined();
    expect(() => parseWebConfig({ OAUTH_RESOURCE: 'not a uri' })).toThrow(/OAUTH_RESOURCE/);
    expect(() => parseWebConfig({ OAUTH_RESOURCE: 'https://api.example.com#x' })).toThrow(
      /OAUTH_RESOURCE/,
    );
  });

  it("sends Auth0's audience only instead of resource, never both", () => {
    const config = parseWebConfig({
      OAUTH_RESOURCE: '',
      OAUTH_AUDIENCE_PARAM: 'https://api.example.com',
    });
    expect(config).toMatchObject({ resource: undefined, audienceParam: 'https://api.example.com' });
    expect(() => parseWebConfig({ OAUTH_AUDIENCE_PARAM: 'https://api.example.com' })).toThrow(
      /OAUTH_AUDIENCE_PARAM needs OAUTH_RESOURCE set to the empty string/,
    );
    expect(() => parseWebConfig({ OAUTH_RESOURCE: '', OAUTH_AUDIENCE_PARAM: '  ' })).toThrow(
      /OAUTH_AUDIENCE_PARAM/,
    );
  });

  it("takes the provider's admin token for the attack lab, unset by default, and refuses a short one", () => {
    expect(parseWebConfig({}).labAdminToken).toBeUndefined();
    expect(parseWebConfig({ PROVIDER_ADMIN_TOKEN: 'a'.repeat(32) }).labAdminToken).toBe(
      'a'.repeat(32),
    );
    expect(() => parseWebConfig({ PROVIDER_ADMIN_TOKEN: 'short' })).toThrow(/PROVIDER_ADMIN_TOKEN/);
  });
});
