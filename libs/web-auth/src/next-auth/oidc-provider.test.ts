import { describe, expect, it } from 'vitest';
import { authorizationParams, chooseIdTokenAlgorithm, oidcProvider } from './oidc-provider.js';

const demo = {
  issuer: 'http://localhost:4000',
  clientId: 'oauth-ref-web',
  clientSecret: 's',
  scope: 'openid profile email offline_access notes:read notes:write',
  resource: 'http://localhost:3333',
};
const identity = { id: 'oauth-ref', name: 'OAuth Reference provider' };

describe('authorizationParams', () => {
  it('sends the demo scopes, the API as resource and prompt=consent by default', () => {
    expect(authorizationParams(demo)).toEqual({
      scope: 'openid profile email offline_access notes:read notes:write',
      resource: 'http://localhost:3333',
      prompt: 'consent',
    });
  });

  it('sends the configured scope, and no resource at all when OAUTH_RESOURCE is empty', () => {
    const params = authorizationParams({
      scope: 'openid api://x/notes.read',
      resource: undefined,
    });
    expect(params).toEqual({ scope: 'openid api://x/notes.read', prompt: 'consent' });
    expect('resource' in params).toBe(false);
  });

  it("sends Auth0's audience instead of resource when configured", () => {
    const config = { ...demo, resource: undefined, audienceParam: 'https://api.example.com' };
    expect(oidcProvider(identity, config).authorization).toEqual({
      params: {
        scope: 'openid profile email offline_access notes:read notes:write',
        audience: 'https://api.example.com',
        prompt: 'consent',
      },
    });
  });
});

describe('oidcProvider', () => {
  it('runs PKCE, state and nonce, validates the ID token with the chosen algorithm, basic auth', () => {
    const provider = oidcProvider(identity, demo, 'ES256');
    expect(provider).toMatchObject({
      id: 'oauth-ref',
      wellKnown: 'http://localhost:4000/.well-known/openid-configuration',
      checks: ['pkce', 'state', 'nonce'],
      idToken: true,
      client: {
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'ES256',
      },
    });
    expect(oidcProvider(identity, { ...demo, issuer: 'https://tenant.example/' }).wellKnown).toBe(
      'https://tenant.example/.well-known/openid-configuration',
    );
  });

  it('maps the standard claims to the next-auth user, null where absent', () => {
    const { profile } = oidcProvider(identity, demo);
    expect(profile?.({ sub: 'u1', preferred_username: 'alice' }, {})).toEqual({
      id: 'u1',
      name: 'alice',
      email: null,
      image: null,
    });
    expect(
      profile?.({ sub: 'u2', name: 'Bob', email: 'b@x', picture: 'https://p' }, {}),
    ).toMatchObject({ name: 'Bob', email: 'b@x', image: 'https://p' });
  });
});

describe('chooseIdTokenAlgorithm', () => {
  it('takes RS256 first, then the first allowed algorithm the provider advertises', () => {
    expect(chooseIdTokenAlgorithm(['ES256', 'RS256'])).toBe('RS256');
    expect(chooseIdTokenAlgorithm(['PS256', 'ES256'])).toBe('ES256');
    expect(chooseIdTokenAlgorithm(['HS256', 'none'])).toBe('RS256');
    expect(chooseIdTokenAlgorithm(undefined)).toBe('RS256');
    expect(chooseIdTokenAlgorithm([])).toBe('RS256');
  });
});
