import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({ env: { SWEEP_INTERVAL_SECONDS: '1' } });
});
afterAll(async () => provider?.stop());

describe('discovery and JWKS', () => {
  it('serves OIDC Discovery with the exact issuer (no trailing slash)', async () => {
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe(provider.issuer);
    expect(String(metadata.issuer).endsWith('/')).toBe(false);
  });

  it('serves the same document as RFC 8414 metadata', async () => {
    const [oidc, oauth] = await Promise.all(
      ['openid-configuration', 'oauth-authorization-server'].map(async (name) =>
        (await fetch(`${provider.issuer}/.well-known/${name}`)).json(),
      ),
    );
    expect(oauth).toEqual(oidc);
  });

  it('advertises only code flow, S256 PKCE, iss in responses, and the strict grant set', async () => {
    const metadata = (await (
      await fetch(`${provider.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
    const grants = metadata.grant_types_supported as string[];
    expect(grants).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
    expect(grants).not.toContain('implicit');
    expect(grants).not.toContain('password');
    expect(grants).not.toContain('urn:ietf:params:oauth:grant-type:device_code');
    for (const endpoint of [
      'revocation_endpoint',
      'introspection_endpoint',
      'userinfo_endpoint',
      'end_session_endpoint',
      // Only while the admin API is on (tests turn it on): a documented mock convenience.
      'registration_endpoint',
    ]) {
      expect(metadata[endpoint], endpoint).toMatch(new RegExp(`^${provider.issuer}/`));
    }
    expect(metadata.dpop_signing_alg_values_supported).toBeDefined();
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'notes:read', 'notes:write', 'notes:stats']),
    );
  });

  it('advertises exactly the endpoints that are finished (README "Features"), nothing else', async () => {
    const metadata = (await (
      await fetch(`${provider.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    const endpoints = Object.keys(metadata)
      .filter((key) => key.endsWith('_endpoint') || key === 'jwks_uri')
      .sort();
    expect(endpoints).toEqual(
      [
        'authorization_endpoint',
        'end_session_endpoint',
        'introspection_endpoint',
        'jwks_uri',
        'registration_endpoint',
        'revocation_endpoint',
        'token_endpoint',
        'userinfo_endpoint',
      ].sort(),
    );
    expect(metadata.require_pushed_authorization_requests).toBeUndefined();
    expect(metadata.request_parameter_supported ?? false).toBe(false);
    expect(metadata.request_uri_parameter_supported ?? false).toBe(false);
    expect(metadata.claims_parameter_supported ?? false).toBe(false);
  });

  it('serves no endpoint for the features that are off (device flow, PAR)', async () => {
    const device = await fetch(`${provider.issuer}/device/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'client_id=oauth-ref-mobile&scope=openid',
    });
    expect(device.status).toBe(404);
    const par = await fetch(`${provider.issuer}/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'client_id=oauth-ref-mobile&response_type=code',
    });
    expect(par.status).toBe(404);
  });

  it('publishes public keys only', async () => {
    const jwks = (await (await fetch(`${provider.issuer}/jwks`)).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    for (const key of jwks.keys) {
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
        expect(key).not.toHaveProperty(member);
      expect(key).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
    }
  });

  it('reports health', async () => {
    const response = await fetch(`${provider.issuer}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      issuer: provider.issuer,
      database: 'ok',
    });
  });
});

describe('housekeeping', () => {
  it('sweeps expired rows on its interval while serving', async () => {
    const prisma = provider.db.prisma;
    await prisma.oidcPayload.create({
      data: {
        model: 'Session',
        id: 'expired-session',
        payload: '{}',
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    await prisma.oidcPayload.create({
      data: {
        model: 'Session',
        id: 'live-session',
        payload: '{}',
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await prisma.oidcPayload.count({ where: { id: 'expired-session' } })).toBe(0);
    expect(await prisma.oidcPayload.count({ where: { id: 'live-session' } })).toBe(1);
  });
});
