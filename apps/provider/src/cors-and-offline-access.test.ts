import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mobileClient } from '@oauth-ref/demo-config';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';
import { mobileTokens } from './testing/oauth-flows.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(async () => provider?.stop());

describe('CORS for browser-based public clients', () => {
  it('allows the mobile web build’s origin at the token endpoint (it is a registered redirect origin and a CORS_ORIGINS entry)', async () => {
    const preflight = await fetch(`${provider.issuer}/token`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8081',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:8081');
    const response = await fetch(`${provider.issuer}/token`, {
      method: 'POST',
      headers: {
        origin: 'http://localhost:8081',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'x',
        client_id: mobileClient.clientId,
      }).toString(),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:8081');
  });

  it('refuses another origin for that client', async () => {
    const response = await fetch(`${provider.issuer}/token`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'x',
        client_id: mobileClient.clientId,
      }).toString(),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('serves discovery and JWKS to any origin', async () => {
    const response = await fetch(`${provider.issuer}/jwks`, {
      headers: { origin: 'https://anywhere.example' },
    });
    expect(['*', 'https://anywhere.example']).toContain(
      response.headers.get('access-control-allow-origin'),
    );
  });
});

describe('offline_access (OIDC Core §11)', () => {
  it('yields a refresh token only when the request also carries prompt=consent', async () => {
    const withConsent = await mobileTokens(provider.issuer, {
      scope: 'openid offline_access notes:read',
      extra: { prompt: 'consent' },
    });
    expect(withConsent.tokens.body.refresh_token).toBeTruthy();
    const withoutConsent = await mobileTokens(provider.issuer, {
      scope: 'openid offline_access notes:read',
      extra: { prompt: 'login' },
    });
    expect(withoutConsent.tokens.body.refresh_token).toBeUndefined();
  });
});
