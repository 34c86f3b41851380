/** The API's contract with its callers: authentication, authorisation, metadata, CORS, headers. */
import { createTestDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, startTestApi, type TestApi } from './testing/start-test-api.js';

let database: TestDatabase;
let api: TestApi;
const METADATA = `${AUDIENCE}/.well-known/oauth-protected-resource`;

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  api = await startTestApi({ database });
});
afterAll(async () => {
  await api?.close();
  await database?.dispose();
});

describe('GET /me', () => {
  it('describes the caller of a valid user token', async () => {
    const response = await api.fetch('/me', { token: await api.issuer.issueAccessToken() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      sub: 'alice',
      client_id: 'oauth-ref-web',
      iss: api.issuer.issuer,
      kind: 'user',
      scopes: ['openid', 'notes:read', 'notes:write'],
    });
    expect(body['expires_in']).toBeGreaterThan(200);
  });

  it('answers 401 with bare Bearer and DPoP challenges naming resource_metadata when no token is sent', async () => {
    const response = await api.fetch('/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${METADATA}", DPoP algs="ES256 EdDSA PS256 RS256", resource_metadata="${METADATA}"`,
    );
    expect(await response.json()).toMatchObject({
      error: 'unauthorized',
      code: 'credentials_missing',
    });
  });

  it('refuses an ID token with 401 invalid_token', async () => {
    const response = await api.fetch('/me', { token: await api.issuer.issueIdToken() });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(response.headers.get('www-authenticate')).toContain(`resource_metadata="${METADATA}"`);
  });

  it('refuses a token in the query string with 400 invalid_request', async () => {
    const token = await api.issuer.issueAccessToken();
    const response = await api.fetch(`/me?access_token=${token}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      code: 'token_in_query',
    });
  });

  it('refuses two credentials with 400 invalid_request', async () => {
    const token = await api.issuer.issueAccessToken();
    const response = await api.fetch('/me', {
      headers: { authorization: `Bearer ${token}, Bearer ${token}` },
    });
    expect(response.status).toBe(400);
  });
});

describe('user and machine tokens', () => {
  it('refuses a machine token on user endpoints', async () => {
    const token = await api.issuer.issueMachineToken({
      claims: { scope: 'notes:read notes:write notes:stats' },
    });
    const response = await api.fetch('/notes', { token });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(await response.json()).toMatchObject({ code: 'principal_not_allowed' });
  });

  it('refuses a user token on /stats, even one carrying notes:stats', async () => {
    for (const scope of ['openid notes:read', 'notes:stats']) {
      const response = await api.fetch('/stats', {
        token: await api.issuer.issueAccessToken({ claims: { scope } }),
      });
      expect(response.status, scope).toBe(403);
    }
  });

  it('answers /stats for a client-credentials token with notes:stats', async () => {
    const response = await api.fetch('/stats', { token: await api.issuer.issueMachineToken() });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ notes: 0, owners: 0, notesCreatedLast24Hours: 0 });
  });

  it('refuses a machine token without notes:stats on /stats with the scope in the challenge', async () => {
    const response = await api.fetch('/stats', {
      token: await api.issuer.issueMachineToken({ claims: { scope: 'other' } }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('scope="notes:stats"');
  });
});

describe('discovery and documentation', () => {
  it('serves RFC 9728 protected resource metadata', async () => {
    const response = await api.fetch('/.well-known/oauth-protected-resource');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      resource: AUDIENCE,
      authorization_servers: [api.issuer.issuer],
      scopes_supported: ['notes:read', 'notes:write', 'notes:stats'],
      bearer_methods_supported: ['header'],
      resource_name: 'oauth-reference notes API',
      resource_documentation: `${AUDIENCE}/docs`,
      dpop_signing_alg_values_supported: ['ES256', 'EdDSA', 'PS256', 'RS256'],
      dpop_bound_access_tokens_required: false,
    });
  });

  it('serves an OpenAPI document describing the OAuth2 security scheme and the UI', async () => {
    const document = (await (await api.fetch('/docs-json')).json()) as {
      components: {
        securitySchemes: Record<string, { type: string; flows?: Record<string, unknown> }>;
      };
      paths: Record<string, unknown>;
    };
    expect(document.components.securitySchemes['oauth2']?.type).toBe('oauth2');
    expect(Object.keys(document.components.securitySchemes['oauth2']?.flows ?? {})).toEqual([
      'authorizationCode',
      'clientCredentials',
    ]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/me', '/notes', '/notes/{id}', '/stats', '/health']),
    );
    const ui = await api.fetch('/docs');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});

describe('CORS and security headers', () => {
  it('allows the web and mobile origins only', async () => {
    for (const origin of ['http://localhost:3000', 'http://localhost:8081']) {
      const response = await api.fetch('/me', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(response.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
    const evil = await api.fetch('/me', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight before authentication, with the allowed methods and headers', async () => {
    const response = await api.fetch('/notes/unknown-id', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, DELETE');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type, DPoP',
    );
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets an allowed origin read responses and the challenge, and varies every response by Origin', async () => {
    const allowed = await api.fetch('/me', { headers: { origin: 'http://localhost:8081' } });
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:8081');
    expect(allowed.headers.get('access-control-expose-headers')).toBe(
      'WWW-Authenticate, Retry-After',
    );
    expect(allowed.headers.get('vary')).toBe('Origin');
    const others: Record<string, string>[] = [{ origin: 'http://localhost:3000.evil.example' }, {}];
    for (const headers of others) {
      const other = await api.fetch('/me', { headers });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      expect(other.headers.get('access-control-expose-headers')).toBeNull();
      expect(other.headers.get('vary')).toBe('Origin');
    }
  });

  it('sends security headers and no-store on every API response, errors and 404s included', async () => {
    const token = await api.issuer.issueAccessToken();
    for (const [path, status] of [
      ['/me', 200],
      ['/me', 401],
      ['/no-such-route', 404],
    ] as const) {
      const response = await api.fetch(path, status === 200 ? { token } : {});
      expect(response.status, path).toBe(status);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('lets a handler replace the no-store default (the RFC 9728 metadata is cacheable)', async () => {
    const response = await api.fetch('/.well-known/oauth-protected-resource');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('health', () => {
  it('answers liveness without authentication', async () => {
    const response = await api.fetch('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database and the JWKS answer', async () => {
    const response = await api.fetch('/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: { database: 'up', jwks: 'up' },
    });
  });
});
