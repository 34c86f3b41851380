import { describe, expect, it } from 'vitest';
import {
  AppConfigError,
  DEFAULT_SCOPE,
  loadAppConfig,
  NATIVE_REDIRECT_URI,
  type PublicEnv,
} from './load-app-config.js';

const unset: PublicEnv = {
  issuer: undefined,
  clientId: undefined,
  apiUrl: undefined,
  scope: undefined,
  resource: undefined,
  clientSecret: undefined,
};
const web = {
  os: 'web' as const,
  webOrigin: 'http://localhost:8081',
  nativeRedirectUri: undefined,
};

describe('loadAppConfig', () => {
  it('defaults to the local demo stack and the web redirect URI on web', () => {
    expect(loadAppConfig(unset, web)).toEqual({
      issuer: 'http://localhost:4000',
      clientId: 'oauth-ref-mobile',
      apiUrl: 'http://localhost:3333',
      resource: 'http://localhost:3333',
      redirectUri: 'http://localhost:8081/callback',
      postLogoutRedirectUri: 'http://localhost:8081/',
      defaultScope: 'openid profile email offline_access notes:read notes:write',
      allowInsecureHttp: true,
      platform: 'web',
      refreshTokenHome: expect.stringMatching(/^memory of this browser tab only/),
    });
  });

  it('uses the reverse-DNS custom scheme on native and keeps the refresh token in secure storage', () => {
    const config = loadAppConfig(unset, {
      os: 'ios',
      webOrigin: undefined,
      nativeRedirectUri: undefined,
    });
    expect(config.redirectUri).toBe(NATIVE_REDIRECT_URI);
    expect(config.redirectUri).toBe('com.oauthreference.mobile:/oauthredirect');
    expect(config.postLogoutRedirectUri).toBeUndefined();
    expect(config.refreshTokenHome).toMatch(/expo-secure-store/);
    const expoGo = loadAppConfig(unset, {
      os: 'android',
      webOrigin: undefined,
      nativeRedirectUri: 'exp://192.168.1.20:8081/--/oauthredirect',
    });
    expect(expoGo.redirectUri).toBe('exp://192.168.1.20:8081/--/oauthredirect');
  });

  it('takes https endpoints from the environment and then allows no http', () => {
    const config = loadAppConfig(
      {
        issuer: 'https://tenant.example.com/',
        clientId: 'abc',
        apiUrl: 'https://api.example.com/',
        scope: undefined,
        resource: undefined,
        clientSecret: undefined,
      },
      web,
    );
    expect(config).toMatchObject({
      issuer: 'https://tenant.example.com/',
      apiUrl: 'https://api.example.com',
      allowInsecureHttp: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses a client secret: a public client has none and EXPO_PUBLIC_ values ship in the bundle', () => {
    expect(() => loadAppConfig({ ...unset, clientSecret: 's3cret' }, web)).toThrow(AppConfigError);
    expect(() => loadAppConfig({ ...unset, clientSecret: 's3cret' }, web)).toThrow(
      /public client has no secret/,
    );
  });

  it('refuses malformed URLs, other schemes and query strings, listing every problem', () => {
    try {
      loadAppConfig(
        { ...unset, issuer: 'localhost:4000', apiUrl: 'http://localhost:3333/?x=1' },
        web,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppConfigError);
      expect((error as AppConfigError).issues).toHaveLength(2);
      expect((error as AppConfigError).code).toBe('config_invalid');
    }
    expect(() => loadAppConfig({ ...unset, issuer: 'ftp://localhost' }, web)).toThrow(/issuer/);
    expect(() => loadAppConfig({ ...unset, clientId: '  ' }, web)).toThrow(/clientId/);
  });

  it('refuses a web build that does not know its own origin', () => {
    expect(() => loadAppConfig(unset, { ...web, webOrigin: undefined })).toThrow(/origin/);
  });

  it('takes EXPO_PUBLIC_OAUTH_SCOPE (Entra ID style API scopes too), normalising spaces; blank is the default', () => {
    expect(
      loadAppConfig({ ...unset, scope: ' openid offline_access  api://6f1c2f3a/notes.read ' }, web)
        .defaultScope,
    ).toBe('openid offline_access api://6f1c2f3a/notes.read');
    expect(loadAppConfig({ ...unset, scope: '  ' }, web).defaultScope).toBe(DEFAULT_SCOPE);
  });

  it('refuses a scope without openid or with characters outside RFC 6749 §3.3', () => {
    expect(() => loadAppConfig({ ...unset, scope: 'notes:read' }, web)).toThrow(/include openid/);
    expect(() => loadAppConfig({ ...unset, scope: 'openid "x"' }, web)).toThrow(/scope tokens/);
  });

  it('takes EXPO_PUBLIC_OAUTH_RESOURCE as an absolute URI; the empty string sends none', () => {
    expect(loadAppConfig({ ...unset, resource: 'api://6f1c2f3a' }, web).resource).toBe(
      'api://6f1c2f3a',
    );
    expect(loadAppConfig({ ...unset, resource: '' }, web).resource).toBeUndefined();
    expect(loadAppConfig({ ...unset, apiUrl: 'https://api.example.com/' }, web).resource).toBe(
      'https://api.example.com',
    );
    for (const resource of ['not a uri', 'https://api.example.com#x']) {
      expect(() => loadAppConfig({ ...unset, resource }, web)).toThrow(
        /EXPO_PUBLIC_OAUTH_RESOURCE must be an absolute URI/,
      );
    }
  });
});
