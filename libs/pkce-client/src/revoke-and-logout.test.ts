import { describe, expect, it } from 'vitest';
import { buildEndSessionUrl } from './build-end-session-url.js';
import { discoverAuthorizationServer } from './discover-authorization-server.js';
import { revokeRefreshToken } from './revoke-refresh-token.js';
import { createFakeAuthorizationServer, testSettings } from './testing/index.js';

describe('discoverAuthorizationServer', () => {
  it('returns the metadata of the configured issuer', async () => {
    const server = createFakeAuthorizationServer();
    const as = await discoverAuthorizationServer({ ...testSettings, fetch: server.fetch });
    expect(as.token_endpoint).toBe('http://localhost:4000/token');
  });

  it('refuses metadata whose issuer differs by as little as a trailing slash', async () => {
    const server = createFakeAuthorizationServer({ issuer: 'http://localhost:4000/' });
    await expect(
      discoverAuthorizationServer({ ...testSettings, fetch: server.fetch }),
    ).rejects.toMatchObject({
      code: 'discovery_failed',
    });
  });

  it('refuses an http issuer unless insecure http is explicitly allowed', async () => {
    const server = createFakeAuthorizationServer();
    await expect(
      discoverAuthorizationServer({
        ...testSettings,
        allowInsecureHttp: false,
        fetch: server.fetch,
      }),
    ).rejects.toMatchObject({ code: 'discovery_failed' });
  });

  it('reports a non-Error failure', async () => {
    const throwsString = (async () => {
      throw 'offline';
    }) as typeof fetch;
    await expect(
      discoverAuthorizationServer({ ...testSettings, fetch: throwsString }),
    ).rejects.toThrow(/offline/);
  });
});

describe('revokeRefreshToken', () => {
  it('posts the refresh token with its type hint and no secret', async () => {
    const server = createFakeAuthorizationServer();
    await revokeRefreshToken(server.metadata, { ...testSettings, fetch: server.fetch }, 'rt-1');
    const request = server.requests.find((r) => r.path === '/token/revocation');
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      token: 'rt-1',
      token_type_hint: 'refresh_token',
      client_id: 'oauth-ref-mobile',
    });
    expect(server.revoked.has('rt-1')).toBe(true);
  });

  it('reports a provider without a revocation endpoint as a failed revocation', async () => {
    const server = createFakeAuthorizationServer();
    await expect(
      revokeRefreshToken(
        { ...server.metadata, revocation_endpoint: undefined },
        { ...testSettings, fetch: server.fetch },
        'rt-1',
      ),
    ).rejects.toMatchObject({ code: 'revocation_failed' });
    expect(server.revoked.size).toBe(0);
  });

  it('reports a failed revocation', async () => {
    const server = createFakeAuthorizationServer();
    const failing = (async () =>
      new Response('{"error":"server_error"}', {
        status: 500,
        headers: { 'content-type': 'application/json' },
      })) as typeof fetch;
    await expect(
      revokeRefreshToken(server.metadata, { ...testSettings, fetch: failing }, 'rt-1'),
    ).rejects.toMatchObject({
      code: 'revocation_failed',
    });
  });
});

describe('buildEndSessionUrl', () => {
  it('sends id_token_hint, client_id and the registered post-logout redirect URI', () => {
    const server = createFakeAuthorizationServer();
    const url = buildEndSessionUrl(server.metadata, testSettings, 'eyJ.id.token');
    expect(url?.origin + (url?.pathname ?? '')).toBe('http://localhost:4000/session/end');
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({
      client_id: 'oauth-ref-mobile',
      id_token_hint: 'eyJ.id.token',
      post_logout_redirect_uri: 'http://localhost:8081/',
    });
  });

  it('omits what it does not have, and returns undefined without an end_session_endpoint', () => {
    const server = createFakeAuthorizationServer();
    const url = buildEndSessionUrl(
      server.metadata,
      { ...testSettings, postLogoutRedirectUri: undefined },
      undefined,
    );
    expect([...(url?.searchParams.keys() ?? [])]).toEqual(['client_id']);
    expect(
      buildEndSessionUrl(
        { ...server.metadata, end_session_endpoint: undefined },
        testSettings,
        'x',
      ),
    ).toBeUndefined();
  });
});

describe('without a custom fetch and without a resource', () => {
  it('uses the platform fetch (here: nothing listens, so discovery fails cleanly)', async () => {
    await expect(
      discoverAuthorizationServer({
        ...testSettings,
        issuer: 'http://127.0.0.1:9',
        fetch: undefined,
      }),
    ).rejects.toMatchObject({ code: 'discovery_failed' });
  });

  it('reports a revocation that failed with a non-Error value', async () => {
    const server = createFakeAuthorizationServer();
    const throwsString = (async () => {
      throw 'offline';
    }) as typeof fetch;
    await expect(
      revokeRefreshToken(server.metadata, { ...testSettings, fetch: throwsString }, 'rt'),
    ).rejects.toThrow(/offline/);
  });
});
