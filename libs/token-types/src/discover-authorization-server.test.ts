import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  discoverAuthorizationServer,
  DiscoveryError,
  wellKnownUrl,
} from './discover-authorization-server.js';

const issuer = 'http://localhost:4000';
const document = {
  issuer,
  authorization_endpoint: `${issuer}/auth`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks`,
  response_types_supported: ['code'],
  id_token_signing_alg_values_supported: ['ES256'],
  'x-vendor-extension': { region: 'eu' },
};

function serve(routes: Record<string, () => Response>) {
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    seen.push({ url: String(input), init });
    const route = routes[String(input)];
    return route ? route() : new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { fetch: fetchImpl, seen };
}

async function failure(promise: Promise<unknown>): Promise<DiscoveryError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DiscoveryError);
  return error as DiscoveryError;
}

describe('wellKnownUrl', () => {
  it('puts the RFC 8414 segment before the path and the OIDC one after it', () => {
    expect(wellKnownUrl('https://as.example/tenant/', 'oauth-authorization-server')).toBe(
      'https://as.example/.well-known/oauth-authorization-server/tenant',
    );
    expect(wellKnownUrl('https://as.example/tenant', 'openid-configuration')).toBe(
      'https://as.example/tenant/.well-known/openid-configuration',
    );
    expect(wellKnownUrl('https://as.example', 'openid-configuration')).toBe(
      'https://as.example/.well-known/openid-configuration',
    );
  });
});

describe('discoverAuthorizationServer (RFC 8414 §3, OIDC Discovery §4)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('returns the validated metadata with unknown members kept', async () => {
    const server = serve({
      [`${issuer}/.well-known/openid-configuration`]: () => Response.json(document),
    });
    const metadata = await discoverAuthorizationServer(issuer, {
      wellKnown: ['openid-configuration'],
      fetch: server.fetch,
    });
    expect(metadata.token_endpoint).toBe(`${issuer}/token`);
    expect(metadata.id_token_signing_alg_values_supported).toEqual(['ES256']);
    expect(metadata['x-vendor-extension']).toEqual({ region: 'eu' });
    expect(server.seen[0]?.init?.redirect).toBe('error');
  });

  it('tries RFC 8414 first, then OIDC Discovery, by default', async () => {
    const server = serve({
      [`${issuer}/.well-known/openid-configuration`]: () => Response.json(document),
    });
    await discoverAuthorizationServer(issuer, { fetch: server.fetch });
    expect(server.seen.map((request) => request.url)).toEqual([
      `${issuer}/.well-known/oauth-authorization-server`,
      `${issuer}/.well-known/openid-configuration`,
    ]);
  });

  it('refuses a document whose issuer is not identical (a trailing slash is enough)', async () => {
    const server = serve({
      [`${issuer}/.well-known/openid-configuration`]: () =>
        Response.json({ ...document, issuer: `${issuer}/` }),
    });
    const error = await failure(
      discoverAuthorizationServer(issuer, {
        wellKnown: ['openid-configuration'],
        fetch: server.fetch,
      }),
    );
    expect(error.reason).toBe('issuer_mismatch');
  });

  it('refuses a document that is not RFC 8414 metadata', async () => {
    const server = serve({
      [`${issuer}/.well-known/openid-configuration`]: () =>
        Response.json({ issuer, jwks_uri: `${issuer}/jwks` }),
    });
    const error = await failure(
      discoverAuthorizationServer(issuer, {
        wellKnown: ['openid-configuration'],
        fetch: server.fetch,
      }),
    );
    expect(error.reason).toBe('invalid_document');
    expect(error.status).toBe(200);
  });

  it('refuses plain http to a non-loopback host unless the caller allows it', async () => {
    const lan = 'http://192.168.1.20:4000';
    const lanDocument = {
      ...document,
      issuer: lan,
      authorization_endpoint: `${lan}/auth`,
      token_endpoint: `${lan}/token`,
      jwks_uri: `${lan}/jwks`,
    };
    const server = serve({
      [`${lan}/.well-known/openid-configuration`]: () => Response.json(lanDocument),
    });
    const options = { wellKnown: ['openid-configuration'] as const, fetch: server.fetch };
    expect((await failure(discoverAuthorizationServer(lan, options))).reason).toBe(
      'invalid_document',
    );
    const metadata = await discoverAuthorizationServer(lan, { ...options, http: 'any' });
    expect(metadata.issuer).toBe(lan);
  });

  it('names network errors and 5xx "unreachable", other statuses "http_error"', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    vi.stubGlobal('fetch', down); // the default fetch is the global one
    expect((await failure(discoverAuthorizationServer(issuer))).reason).toBe('unreachable');
    const offline = (async () => {
      throw 'offline'; // not an Error: its text still reaches the message
    }) as typeof fetch;
    expect(
      (await failure(discoverAuthorizationServer(issuer, { fetch: offline }))).message,
    ).toContain('offline');
    const busy = serve({
      [`${issuer}/.well-known/openid-configuration`]: () => new Response('', { status: 503 }),
    });
    const error = await failure(
      discoverAuthorizationServer(issuer, {
        wellKnown: ['openid-configuration'],
        fetch: busy.fetch,
      }),
    );
    expect(error).toMatchObject({ reason: 'unreachable', status: 503 });
    const missing = serve({});
    const notFound = await failure(discoverAuthorizationServer(issuer, { fetch: missing.fetch }));
    expect(notFound).toMatchObject({ reason: 'http_error', status: 404 });
    expect(notFound.message).toContain('oauth-authorization-server: HTTP 404');
    expect(notFound.message).toContain('openid-configuration: HTTP 404');
  });

  it('reports a body that is not JSON as an invalid document', async () => {
    const server = serve({
      [`${issuer}/.well-known/openid-configuration`]: () => new Response('<html>'),
    });
    const error = await failure(
      discoverAuthorizationServer(issuer, {
        wellKnown: ['openid-configuration'],
        fetch: server.fetch,
      }),
    );
    expect(error.reason).toBe('invalid_document');
  });

  it('fails as an invalid document when no document is to be tried', async () => {
    expect((await failure(discoverAuthorizationServer(issuer, { wellKnown: [] }))).reason).toBe(
      'invalid_document',
    );
  });
});
