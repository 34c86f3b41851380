import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineClient, mobileClient, webClient } from '@oauth-ref/demo-config';
import { startTestProvider, type TestProvider } from './testing/start-test-provider.js';
import { Browser } from './testing/browser.js';
import {
  authorize,
  basicAuth,
  mobileTokens,
  tokenRequest,
  webAuth,
} from './testing/oauth-flows.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(async () => provider?.stop());

const machineAuth = basicAuth(machineClient.clientId, machineClient.clientSecret!);

interface Case {
  readonly name: string;
  readonly path: string;
  readonly init: RequestInit;
  readonly status: number | number[];
  readonly error?: string;
}

const form = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body,
});

const cases: Case[] = [
  {
    name: 'token: JSON instead of a form',
    path: '/token',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: machineAuth },
      body: '{"grant_type":"client_credentials"}',
    },
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'token: no body',
    path: '/token',
    init: { method: 'POST', headers: { authorization: machineAuth } },
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'token: missing grant_type',
    path: '/token',
    init: form('scope=notes:stats', { authorization: machineAuth }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'token: unknown grant_type',
    path: '/token',
    init: form('grant_type=magic', { authorization: machineAuth }),
    status: 400,
    error: 'unsupported_grant_type',
  },
  {
    name: 'token: implicit as a grant',
    path: '/token',
    init: form('grant_type=implicit', { authorization: webAuth }),
    status: 400,
    error: 'unsupported_grant_type',
  },
  {
    name: 'token: duplicated parameter',
    path: '/token',
    init: form('grant_type=client_credentials&grant_type=client_credentials', {
      authorization: machineAuth,
    }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'token: oversized body',
    path: '/token',
    init: form(`grant_type=client_credentials&scope=${'x'.repeat(2_000_000)}`, {
      authorization: machineAuth,
    }),
    status: [400, 413],
  },
  {
    name: 'token: unknown client',
    path: '/token',
    init: form('grant_type=client_credentials', { authorization: basicAuth('ghost', 'x') }),
    status: 401,
    error: 'invalid_client',
  },
  {
    name: 'token: wrong secret',
    path: '/token',
    init: form('grant_type=client_credentials', {
      authorization: basicAuth(machineClient.clientId, 'nope'),
    }),
    status: 401,
    error: 'invalid_client',
  },
  {
    name: 'token: garbage basic auth',
    path: '/token',
    init: form('grant_type=client_credentials', { authorization: 'Basic %%%not-base64' }),
    status: [400, 401],
  },
  {
    name: 'token: two client auth methods',
    path: '/token',
    init: form(
      `grant_type=client_credentials&client_id=${machineClient.clientId}&client_secret=${machineClient.clientSecret}`,
      { authorization: machineAuth },
    ),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'token: bogus code',
    path: '/token',
    init: form(
      `grant_type=authorization_code&code=nope&redirect_uri=${encodeURIComponent(webClient.redirectUris[0]!)}`,
      { authorization: webAuth },
    ),
    status: 400,
    error: 'invalid_grant',
  },
  {
    name: 'token: code grant without code',
    path: '/token',
    init: form('grant_type=authorization_code', { authorization: webAuth }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'token: bogus refresh token',
    path: '/token',
    init: form(`grant_type=refresh_token&refresh_token=nope&client_id=${mobileClient.clientId}`),
    status: 400,
    error: 'invalid_grant',
  },
  {
    name: 'token: invalid scope characters',
    path: '/token',
    init: form('grant_type=client_credentials&scope=%22notes%22', { authorization: machineAuth }),
    status: 400,
    error: 'invalid_scope',
  },
  { name: 'token: GET', path: '/token', init: { method: 'GET' }, status: [404, 405] },
  {
    name: 'revocation: no token',
    path: '/token/revocation',
    init: form('', { authorization: webAuth }),
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'introspection: no token',
    path: '/token/introspection',
    init: form('', { authorization: webAuth }),
    status: 400,
    error: 'invalid_request',
  },
  { name: 'userinfo: no token', path: '/me', init: { method: 'GET' }, status: [400, 401] },
  {
    name: 'userinfo: bogus token',
    path: '/me',
    init: { headers: { authorization: 'Bearer nope' } },
    status: 401,
    error: 'invalid_token',
  },
  { name: 'userinfo: token in query', path: '/me?access_token=nope', init: {}, status: [400, 401] },
  {
    name: 'registration: not JSON',
    path: '/reg',
    init: form('redirect_uris=x', { authorization: 'Bearer x' }),
    status: [400, 401],
  },
  {
    name: 'interaction: oversized form',
    path: '/interaction/x/login',
    init: form(`username=${'a'.repeat(100_000)}`),
    status: [400, 413],
  },
  {
    name: 'interaction: malformed percent-encoding in the path',
    path: '/interaction/%E0%A4%A',
    init: {},
    status: 400,
  },
  {
    name: 'admin: malformed percent-encoding in the path',
    path: '/admin/users/%ZZ',
    init: { method: 'DELETE' },
    status: [400, 401],
  },
  {
    name: 'engine route: malformed percent-encoding',
    path: '/auth/%E0%A4%A',
    init: {},
    status: [400, 404],
  },
  { name: 'unknown path', path: '/nope/%ZZ', init: {}, status: [400, 404] },
  {
    name: 'token: huge header-only garbage authorization',
    path: '/token',
    init: form('grant_type=client_credentials', { authorization: `Basic ${'A'.repeat(6000)}` }),
    status: [400, 401],
  },
  {
    name: 'interaction: wrong content type',
    path: '/interaction/x/login',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    status: [400, 415],
  },
];

describe('malformed requests get RFC error responses, never a 500 or a stack trace', () => {
  it.each(cases)('$name', async ({ path, init, status, error }) => {
    const response = await fetch(`${provider.issuer}${path}`, { ...init, redirect: 'manual' });
    const text = await response.text();
    expect(response.status, text.slice(0, 200)).toBeLessThan(500);
    expect(Array.isArray(status) ? status : [status]).toContain(response.status);
    expect(text).not.toMatch(/\bat [^\n]+\.(js|ts):\d+/);
    expect(text).not.toMatch(/node_modules|Error: /);
    if (error) expect(JSON.parse(text).error).toBe(error);
    if (path === '/token' && init.method === 'POST')
      expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['no client_id', '/auth?response_type=code&scope=openid'],
    [
      'unknown client',
      '/auth?client_id=ghost&response_type=code&scope=openid&redirect_uri=http://x',
    ],
    [
      'unregistered redirect',
      `/auth?client_id=${mobileClient.clientId}&response_type=code&scope=openid&redirect_uri=https://evil.example/cb`,
    ],
    [
      'repeated parameter',
      `/auth?client_id=${mobileClient.clientId}&client_id=${mobileClient.clientId}&response_type=code`,
    ],
  ])('authorization endpoint, %s: an error page, no redirect', async (_name, path) => {
    const response = await new Browser(provider.issuer).get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain('Something went wrong');
    expect(html).not.toMatch(/\bat [^\n]+\.js:\d+/);
  });
});

describe('no request in this file made the engine fail internally', () => {
  it('logged no server_error and no unhandled error', () => {
    const failures = provider.logs.filter((line) => /server_error|unhandled error/.test(line));
    expect(failures).toEqual([]);
  });
});

describe('logs', () => {
  it('never contain codes, tokens, secrets, passwords or code_verifier', async () => {
    const { code, verifier, tokens } = await mobileTokens(provider.issuer);
    const refreshed = await tokenRequest(provider.issuer, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.body.refresh_token),
      client_id: mobileClient.clientId,
    });
    const machine = await tokenRequest(
      provider.issuer,
      { grant_type: 'client_credentials', scope: 'notes:stats' },
      machineAuth,
    );
    const { callback } = await authorize(provider.issuer, {
      clientId: webClient.clientId,
      redirectUri: webClient.redirectUris[0]!,
      pkce: null,
    });
    await tokenRequest(
      provider.issuer,
      {
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: 'http://wrong',
      },
      webAuth,
    );
    await tokenRequest(provider.issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: mobileClient.redirectUris[0]!,
      client_id: mobileClient.clientId,
      code_verifier: verifier,
    });
    const secrets = [
      code,
      verifier,
      callback.searchParams.get('code')!,
      String(tokens.body.access_token),
      String(tokens.body.refresh_token),
      String(tokens.body.id_token),
      String(refreshed.body.access_token),
      String(refreshed.body.refresh_token),
      String(machine.body.access_token),
      webClient.clientSecret!,
      machineClient.clientSecret!,
      'alice-demo-password',
    ];
    const logs = provider.logs.join('\n');
    expect(provider.logs.length).toBeGreaterThan(10);
    expect(logs).toContain('grant.success');
    for (const secret of secrets)
      expect(
        logs.includes(secret),
        `${secret.slice(0, 12)}\n${provider.logs.filter((l) => l.includes(secret)).join('\n')}`,
      ).toBe(false);
    // Codes, verifiers and tokens are not logged even in part (not even their first 16 characters).
    for (const secret of secrets.slice(0, 9))
      expect(
        logs.includes(secret.slice(0, 16)),
        `${secret.slice(0, 16)}\n${provider.logs.filter((l) => l.includes(secret.slice(0, 16))).join('\n')}`,
      ).toBe(false);
  });
});
