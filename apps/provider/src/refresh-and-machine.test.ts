import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { machineClient, mobileClient } from '@oauth-ref/demo-config';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';
import {
  basicAuth,
  mobileTokens,
  tokenRequest,
  webAuth,
  webTokens,
} from './testing/oauth-flows.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({
    env: { ACCESS_TOKEN_TTL_SECONDS: '120', CLIENT_CREDENTIALS_TTL_SECONDS: '90' },
  });
});
afterAll(async () => provider?.stop());

const machineAuth = basicAuth(machineClient.clientId, machineClient.clientSecret!);
const refresh = (refreshToken: string, extra: Record<string, string> = {}, auth?: string) =>
  tokenRequest(
    provider.issuer,
    {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      ...(auth ? {} : { client_id: mobileClient.clientId }),
      ...extra,
    },
    auth,
  );

describe('refresh tokens', () => {
  it('are issued only with offline_access', async () => {
    const { tokens } = await mobileTokens(provider.issuer, { scope: 'openid notes:read' });
    expect(tokens.body.refresh_token).toBeUndefined();
  });

  it('rotate on every use for public clients; reusing a rotated one revokes the whole grant', async () => {
    const { tokens } = await mobileTokens(provider.issuer);
    const first = String(tokens.body.refresh_token);
    const rotated = await refresh(first);
    expect(rotated.status).toBe(200);
    const second = String(rotated.body.refresh_token);
    expect(second).not.toBe(first);
    expect(decodeJwt(String(rotated.body.access_token)).aud).toBe('http://localhost:3333');

    const reuse = await refresh(first);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe('invalid_grant');
    const afterRevocation = await refresh(second);
    expect(afterRevocation.body.error).toBe('invalid_grant');
  });

  it('are single-use under concurrency: of five parallel refreshes with one token exactly one succeeds', async () => {
    const { tokens } = await mobileTokens(provider.issuer);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => refresh(String(tokens.body.refresh_token))),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const failed of results.filter((r) => r.status !== 200)) {
      expect(failed.status).toBe(400);
      expect(failed.body.error).toBe('invalid_grant');
    }
  });

  it('keep their absolute lifetime across rotations', async () => {
    const { tokens } = await mobileTokens(provider.issuer);
    const before = await provider.db.prisma.oidcPayload.findFirst({
      where: { model: 'RefreshToken' },
      orderBy: { createdAt: 'desc' },
    });
    const rotated = await refresh(String(tokens.body.refresh_token));
    expect(rotated.status).toBe(200);
    const after = await provider.db.prisma.oidcPayload.findFirst({
      where: { model: 'RefreshToken' },
      orderBy: { createdAt: 'desc' },
    });
    expect(Math.abs(after!.expiresAt!.getTime() - before!.expiresAt!.getTime())).toBeLessThan(3000);
  });

  it('are not rotated for confidential clients early in their life, and stay usable', async () => {
    const { tokens } = await webTokens(provider.issuer);
    const rt = String(tokens.body.refresh_token);
    const one = await refresh(rt, {}, webAuth);
    const two = await refresh(rt, {}, webAuth);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(one.body.refresh_token ?? rt).toBe(rt);
    expect(two.body.refresh_token ?? rt).toBe(rt);
  });

  it('cannot be used by another client', async () => {
    const { tokens } = await mobileTokens(provider.issuer);
    const result = await refresh(String(tokens.body.refresh_token), {}, webAuth);
    expect(result.body.error).toBe('invalid_grant');
  });

  it('narrowed to OIDC scopes yield an opaque token for userinfo instead of the API JWT', async () => {
    const { tokens } = await mobileTokens(provider.issuer);
    const narrowed = await refresh(String(tokens.body.refresh_token), { scope: 'openid' });
    expect(narrowed.status).toBe(200);
    expect(String(narrowed.body.access_token).split('.')).toHaveLength(1);
    const widened = await refresh(String(narrowed.body.refresh_token), {
      scope: 'openid notes:write',
    });
    expect(widened.body.error).toBe('invalid_scope');
  });

  it('honour the configured access token lifetime', async () => {
    const { tokens } = await mobileTokens(provider.issuer);
    expect(tokens.body.expires_in).toBe(120);
    const claims = decodeJwt(String(tokens.body.access_token));
    expect(claims.exp! - claims.iat!).toBe(120);
  });
});

describe('client credentials', () => {
  it('gives the machine client an API JWT with notes:stats and sub = client_id', async () => {
    const result = await tokenRequest(
      provider.issuer,
      { grant_type: 'client_credentials', scope: 'notes:stats' },
      machineAuth,
    );
    expect(result.status).toBe(200);
    expect(result.headers.get('cache-control')).toBe('no-store');
    expect(result.body.refresh_token).toBeUndefined();
    expect(result.body.expires_in).toBe(90);
    const claims = decodeJwt(String(result.body.access_token));
    expect(claims).toMatchObject({
      aud: 'http://localhost:3333',
      scope: 'notes:stats',
      client_id: machineClient.clientId,
      sub: machineClient.clientId,
      iss: provider.issuer,
    });
  });

  it('refuses user scopes to the machine client', async () => {
    const result = await tokenRequest(
      provider.issuer,
      { grant_type: 'client_credentials', scope: 'notes:read' },
      machineAuth,
    );
    expect(result.body.error).toBe('invalid_scope');
  });

  it('is refused to user-facing clients', async () => {
    const web = await tokenRequest(
      provider.issuer,
      { grant_type: 'client_credentials', scope: 'notes:read' },
      webAuth,
    );
    expect(web.status).toBe(400);
    // The engine answers invalid_request ("requested grant type is not allowed for this client").
    expect(web.body).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('grant type is not allowed'),
    });
    expect(web.body.access_token).toBeUndefined();
    const mobile = await tokenRequest(provider.issuer, {
      grant_type: 'client_credentials',
      client_id: mobileClient.clientId,
    });
    expect(mobile.body).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('grant type is not allowed'),
    });
  });

  it('refuses a wrong secret and an unknown client with 401 invalid_client', async () => {
    for (const auth of [basicAuth(machineClient.clientId, 'wrong'), basicAuth('nobody', 'x')]) {
      const result = await tokenRequest(
        provider.issuer,
        { grant_type: 'client_credentials', scope: 'notes:stats' },
        auth,
      );
      expect(result.status).toBe(401);
      expect(result.body.error).toBe('invalid_client');
      expect(result.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('refuses the machine client at the authorization endpoint', async () => {
    const url = new URL('/auth', provider.issuer);
    url.search = new URLSearchParams({
      client_id: machineClient.clientId,
      response_type: 'code',
      scope: 'notes:stats',
      redirect_uri: 'http://localhost:3000/x',
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});
