import { describe, expect, it } from 'vitest';
import {
  ProviderErrorResponse,
  ProviderUnavailableError,
  RefreshRejectedError,
} from '../errors.js';
import { refreshTokenGrant } from './refresh-token-grant.js';

const request = {
  tokenEndpoint: 'http://op.test/token',
  clientId: 'oauth-ref-web',
  clientSecret: 'se:cr%et',
  refreshToken: 'rt-1',
  resource: 'http://localhost:3333',
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('refreshTokenGrant', () => {
  it('posts the refresh_token grant with client_secret_basic and the resource, and computes expires_at', async () => {
    let seen: Request | undefined;
    const fetchImpl = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      seen = new Request(input, init);
      return json(200, {
        access_token: 'at-2',
        token_type: 'Bearer',
        expires_in: 60,
        refresh_token: 'rt-2',
        scope: 'openid',
      });
    }) as typeof fetch;
    const result = await refreshTokenGrant(request, fetchImpl, 1_000_000);
    expect(seen?.method).toBe('POST');
    expect(seen?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from('oauth-ref-web:se%3Acr%25et').toString('base64')}`,
    );
    const body = new URLSearchParams(await seen!.text());
    expect(Object.fromEntries(body)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
      resource: 'http://localhost:3333',
    });
    expect(result).toMatchObject({
      accessToken: 'at-2',
      refreshToken: 'rt-2',
      expiresAt: 1060,
      expiresIn: 60,
    });
  });

  it('narrows the scope when asked, without a resource (a UserInfo token)', async () => {
    let body = '';
    const fetchImpl = (async (_input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      body = String(init?.body);
      return json(200, { access_token: 'opaque', token_type: 'Bearer' });
    }) as typeof fetch;
    const result = await refreshTokenGrant(
      { ...request, resource: undefined, scope: 'openid profile email' },
      fetchImpl,
    );
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
      scope: 'openid profile email',
    });
    expect(result).toMatchObject({ accessToken: 'opaque', expiresAt: null });
  });

  it('turns invalid_grant into RefreshRejectedError', async () => {
    const fetchImpl = (async () =>
      json(400, {
        error: 'invalid_grant',
        error_description: 'grant request is invalid',
      })) as typeof fetch;
    await expect(refreshTokenGrant(request, fetchImpl)).rejects.toBeInstanceOf(
      RefreshRejectedError,
    );
  });

  it('turns other OAuth errors into ProviderErrorResponse with the code', async () => {
    const fetchImpl = (async () => json(401, { error: 'invalid_client' })) as typeof fetch;
    await expect(refreshTokenGrant(request, fetchImpl)).rejects.toMatchObject({
      oauthError: 'invalid_client',
      status: 401,
    });
  });

  it('treats 5xx and network failures as the provider being unavailable', async () => {
    await expect(
      refreshTokenGrant(request, (async () => json(503, {})) as typeof fetch),
    ).rejects.toBeInstanceOf(ProviderUnavailableError);
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(refreshTokenGrant(request, down)).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('rejects a response that is not a Bearer token response', async () => {
    const fetchImpl = (async () =>
      json(200, { access_token: 'x', token_type: 'DPoP' })) as typeof fetch;
    await expect(refreshTokenGrant(request, fetchImpl)).rejects.toBeInstanceOf(
      ProviderErrorResponse,
    );
  });
});

describe('refreshTokenGrant edge cases', () => {
  it('names a non-Error network failure, and a non-JSON error body invalid_response', async () => {
    const offline = (async () => {
      throw 'offline';
    }) as typeof fetch;
    await expect(refreshTokenGrant(request, offline)).rejects.toMatchObject({
      detail: 'token request failed',
    });
    const html = (async () => new Response('<html>', { status: 400 })) as typeof fetch;
    await expect(refreshTokenGrant(request, html)).rejects.toMatchObject({
      oauthError: 'invalid_response',
      status: 400,
    });
  });

  it('passes the id_token and granted scope through', async () => {
    const fetchImpl = (async () =>
      json(200, {
        access_token: 'a',
        token_type: 'Bearer',
        id_token: 'h.p.s',
        scope: 'openid notes:read',
      })) as typeof fetch;
    expect(await refreshTokenGrant(request, fetchImpl)).toMatchObject({
      idToken: 'h.p.s',
      scope: 'openid notes:read',
    });
  });
});
