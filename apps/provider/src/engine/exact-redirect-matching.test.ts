import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { enforceExactRedirectMatching, NARROWED_METHODS } from './exact-redirect-matching.js';

const native = {
  client_id: 'native-app',
  application_type: 'native' as const,
  token_endpoint_auth_method: 'none' as const,
  redirect_uris: ['http://localhost:8081/callback', 'com.example.app:/oauthredirect'],
  post_logout_redirect_uris: ['http://localhost:8081/'],
};

async function nativeClient(patched: boolean) {
  const provider = new Provider('http://localhost:4000', { clients: [native] });
  if (patched) enforceExactRedirectMatching(provider);
  const client = await provider.Client.find(native.client_id);
  if (!client) throw new Error('client not loaded');
  return client;
}

async function engineSource(path: string): Promise<string> {
  return readFile(new URL(path, import.meta.resolve('oidc-provider')), 'utf8');
}

// If one of these fails after an oidc-provider upgrade, the engine changed what
// exact-redirect-matching.ts narrows: re-read lib/models/client.js and adjust (or delete) the module.
describe('the engine behaviour exact-redirect-matching.ts relies on', () => {
  it('matching is done by the two Client methods, called by the authorization and logout endpoints', async () => {
    expect(await engineSource('./actions/authorization/response_parameters.js')).toContain(
      'ctx.oidc.client.redirectUriAllowed(ctx.oidc.params.redirect_uri)',
    );
    expect(await engineSource('./actions/end_session.js')).toContain(
      'client.postLogoutRedirectUriAllowed(params.post_logout_redirect_uri)',
    );
    const client = await nativeClient(false);
    for (const [method, list] of Object.entries(NARROWED_METHODS)) {
      expect(typeof (client as unknown as Record<string, unknown>)[method]).toBe('function');
      expect((client as unknown as Record<string, unknown>)[list]).toBeInstanceOf(Array);
    }
  });

  it('unpatched, a native client gets RFC 8252 loopback port variance (the one thing we remove)', async () => {
    const client = await nativeClient(false);
    expect(client.redirectUriAllowed('http://localhost:9999/callback')).toBe(true);
    expect(client.postLogoutRedirectUriAllowed('http://localhost:9999/')).toBe(true);
    expect(client.redirectUriAllowed('http://localhost:8081/callback/')).toBe(false);
  });
});

describe('exact redirect matching', () => {
  it('accepts exactly the registered strings', async () => {
    const client = await nativeClient(true);
    for (const uri of native.redirect_uris) expect(client.redirectUriAllowed(uri), uri).toBe(true);
    expect(client.postLogoutRedirectUriAllowed('http://localhost:8081/')).toBe(true);
  });

  it('refuses another loopback port, trailing slash, case, query or extra path', async () => {
    const client = await nativeClient(true);
    for (const uri of [
      'http://localhost:9999/callback',
      'http://127.0.0.1:8081/callback',
      'http://localhost:8081/callback/',
      'http://LOCALHOST:8081/callback',
      'http://localhost:8081/callback?x=1',
      'http://localhost:8081/callback/more',
      'com.example.app:/oauthredirect/',
    ])
      expect(client.redirectUriAllowed(uri), uri).toBe(false);
    for (const uri of [
      'http://localhost:9999/',
      'http://localhost:8081',
      'http://LOCALHOST:8081/',
      'http://localhost:8081/?x=1',
      'http://localhost:8081/more',
    ])
      expect(client.postLogoutRedirectUriAllowed(uri), uri).toBe(false);
  });
});
