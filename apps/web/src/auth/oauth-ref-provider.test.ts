import { describe, expect, it } from 'vitest';
import { parseWebConfig } from '../config/config-schema';
import { authorizationParams, oauthRefProvider } from './oauth-ref-provider';

describe('authorizationParams', () => {
  it('sends the demo scopes, the API as resource and prompt=consent by default', () => {
    expect(authorizationParams(parseWebConfig({}))).toEqual({
      scope: 'openid profile email offline_access notes:read notes:write',
      resource: 'http://localhost:3333',
      prompt: 'consent',
    });
  });

  it('sends the configured scope, and no resource at all when OAUTH_RESOURCE is empty', () => {
    const params = authorizationParams(
      parseWebConfig({ OAUTH_SCOPE: 'openid api://x/notes.read', OAUTH_RESOURCE: '' }),
    );
    expect(params).toEqual({ scope: 'openid api://x/notes.read', prompt: 'consent' });
    expect('resource' in params).toBe(false);
  });

  it("sends Auth0's audience instead of resource when configured", () => {
    const config = parseWebConfig({
      OAUTH_RESOURCE: '',
      OAUTH_AUDIENCE_PARAM: 'https://api.example.com',
    });
    expect(oauthRefProvider(config).authorization).toEqual({
      params: {
        scope: 'openid profile email offline_access notes:read notes:write',
        audience: 'https://api.example.com',
        prompt: 'consent',
      },
    });
  });
});
