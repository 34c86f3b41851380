import { describe, expect, it } from 'vitest';
import { buildEndSessionUrl } from './build-end-session-url';
import { revokeToken } from './revoke-token';

describe('buildEndSessionUrl', () => {
  it('carries id_token_hint, client_id, the registered post_logout_redirect_uri and state', () => {
    const url = new URL(
      buildEndSessionUrl({
        endSessionEndpoint: 'http://localhost:4000/session/end',
        idToken: 'header.payload.sig',
        clientId: 'oauth-ref-web',
        postLogoutRedirectUri: 'http://localhost:3000/signed-out',
        state: 'abc',
      }),
    );
    expect(url.origin + url.pathname).toBe('http://localhost:4000/session/end');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id_token_hint: 'header.payload.sig',
      client_id: 'oauth-ref-web',
      post_logout_redirect_uri: 'http://localhost:3000/signed-out',
      state: 'abc',
    });
  });
});

describe('revokeToken', () => {
  it('posts the token with its type hint and reports the outcome without throwing', async () => {
    let body = '';
    const ok = (async (_url: string, init: RequestInit) => {
      body = String(init.body);
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    const request = {
      revocationEndpoint: 'http://op.test/revoke',
      clientId: 'c',
      clientSecret: 's',
      token: 'rt',
      tokenTypeHint: 'refresh_token' as const,
    };
    await expect(revokeToken(request, ok)).resolves.toBe('revoked');
    expect(body).toBe('token=rt&token_type_hint=refresh_token');
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(revokeToken(request, down)).resolves.toBe('failed');
  });
});
