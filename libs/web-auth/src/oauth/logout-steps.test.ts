import { afterEach, describe, expect, it, vi } from 'vitest';
import { endSessionUrl } from './end-session-url.js';
import { revokeRefreshToken } from './revoke-refresh-token.js';

const metadata = {
  revocation_endpoint: 'http://localhost:4000/token/revocation',
  end_session_endpoint: 'http://localhost:4000/session/end',
};
const client = { clientId: 'oauth-ref-web', clientSecret: 's' };

describe('revokeRefreshToken', () => {
  it('posts the refresh token with its type hint and reports the outcome without throwing', async () => {
    let body = '';
    const ok = (async (_url: string, init: RequestInit) => {
      body = String(init.body);
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    await expect(
      revokeRefreshToken({ ...client, metadata, refreshToken: 'rt', fetch: ok }),
    ).resolves.toBe('revoked');
    expect(body).toBe('token=rt&token_type_hint=refresh_token');
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(
      revokeRefreshToken({ ...client, metadata, refreshToken: 'rt', fetch: down }),
    ).resolves.toBe('failed');
  });

  it('skips without a refresh token or a revocation endpoint', async () => {
    await expect(revokeRefreshToken({ ...client, metadata, refreshToken: null })).resolves.toBe(
      'skipped',
    );
    await expect(
      revokeRefreshToken({ ...client, metadata: null, refreshToken: 'rt' }),
    ).resolves.toBe('skipped');
  });
});

describe('endSessionUrl', () => {
  const request = {
    metadata,
    clientId: 'oauth-ref-web',
    idToken: 'header.payload.sig',
    postLogoutRedirectUri: 'http://localhost:3000/signed-out',
    state: 'abc',
  };

  it('carries id_token_hint, client_id, the registered post_logout_redirect_uri and state', () => {
    const url = new URL(endSessionUrl(request) ?? '');
    expect(url.origin + url.pathname).toBe('http://localhost:4000/session/end');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id_token_hint: 'header.payload.sig',
      client_id: 'oauth-ref-web',
      post_logout_redirect_uri: 'http://localhost:3000/signed-out',
      state: 'abc',
    });
  });

  it('is null when the provider offers no end_session_endpoint or was not reachable', () => {
    expect(endSessionUrl({ ...request, metadata: {} })).toBeNull();
    expect(endSessionUrl({ ...request, metadata: null })).toBeNull();
  });
});

describe('revokeRefreshToken with the platform fetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses the global fetch when none is given', async () => {
    const seen: string[] = [];
    vi.stubGlobal('fetch', (async (input: Parameters<typeof fetch>[0]) => {
      seen.push(String(input));
      return new Response(null, { status: 200 });
    }) as typeof fetch);
    await expect(revokeRefreshToken({ ...client, metadata, refreshToken: 'rt' })).resolves.toBe(
      'revoked',
    );
    expect(seen).toEqual([metadata.revocation_endpoint]);
  });
});
