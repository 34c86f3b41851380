import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from './testing/index.js';
import { createTestApp, type TestApp } from './nest-app.test-helper.js';

let issuer: TestIssuer;
let app: TestApp;
const AUDIENCE = 'http://localhost:3333';
const METADATA = 'http://localhost:3333/.well-known/oauth-protected-resource';

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE });
  app = await createTestApp({
    issuer: issuer.issuer,
    audience: AUDIENCE,
    scopesSupported: ['notes:read', 'notes:write'],
  });
});
afterAll(async () => {
  await app.close();
  await issuer.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('BearerAuthModule in a Nest app', () => {
  it('accepts a valid RS256 access token and exposes the principal', async () => {
    const response = await app.request('/me', bearer(await issuer.issueAccessToken()));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      sub: 'alice',
      client_id: 'oauth-ref-web',
      scopes: ['openid', 'notes:read', 'notes:write'],
      kind: 'user',
    });
  });

  it('accepts ES256 and PS256 tokens from the same issuer', async () => {
    for (const alg of ['ES256', 'PS256'] as const) {
      const response = await app.request('/me', bearer(await issuer.issueAccessToken({ alg })));
      expect(response.status, alg).toBe(200);
    }
  });

  it('answers a request without credentials 401 with bare Bearer and DPoP challenges naming resource_metadata', async () => {
    const response = await app.request('/me');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(
      `Bearer resource_metadata="${METADATA}", DPoP algs="ES256 EdDSA PS256 RS256", resource_metadata="${METADATA}"`,
    );
    expect(response.body).toMatchObject({ error: 'unauthorized', code: 'credentials_missing' });
  });

  it('answers a bad token 401 invalid_token with resource_metadata', async () => {
    const response = await app.request('/me', bearer('abc.def.ghi'));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(
      /^Bearer error="invalid_token", error_description="[^"]+", resource_metadata="http:\/\/localhost:3333\/\.well-known\/oauth-protected-resource"$/,
    );
    expect(response.body).toMatchObject({ error: 'invalid_token', code: 'token_malformed' });
  });

  it('answers a missing scope 403 insufficient_scope naming the scope', async () => {
    const token = await issuer.issueAccessToken({ claims: { scope: 'openid notes:read' } });
    const response = await app.request('/write', bearer(token));
    expect(response.status).toBe(403);
    expect(response.headers['www-authenticate']).toContain('error="insufficient_scope"');
    expect(response.headers['www-authenticate']).toContain('scope="notes:write"');
    expect(response.body).toMatchObject({
      error: 'insufficient_scope',
      code: 'scope_insufficient',
    });
  });

  it('refuses a machine token on a user endpoint even with the scope', async () => {
    const token = await issuer.issueMachineToken({ claims: { scope: 'notes:write notes:stats' } });
    const response = await app.request('/write', bearer(token));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'principal_not_allowed' });
  });

  it('refuses a user token on a machine endpoint even with the scope', async () => {
    const token = await issuer.issueAccessToken({ claims: { scope: 'notes:stats' } });
    const response = await app.request('/machine', bearer(token));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'principal_not_allowed' });
    const machine = await app.request('/machine', bearer(await issuer.issueMachineToken()));
    expect(machine.status).toBe(200);
  });

  it('refuses an ID token from the same issuer (typ is not at+jwt)', async () => {
    const response = await app.request('/me', bearer(await issuer.issueIdToken()));
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'type_not_access_token' });
  });

  it('refuses a token in the query string with 400 invalid_request', async () => {
    const token = await issuer.issueAccessToken();
    const response = await app.request(`/me?access_token=${token}`);
    expect(response.status).toBe(400);
    expect(response.headers['www-authenticate']).toContain('error="invalid_request"');
    expect(response.body).toMatchObject({ code: 'token_in_query' });
  });

  it('refuses two Authorization headers with 400 invalid_request', async () => {
    const token = await issuer.issueAccessToken();
    const response = await app.request('/me', {
      authorization: [`Bearer ${token}`, `Bearer ${token}`],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: 'invalid_request',
      code: 'credentials_duplicated',
    });
  });

  it('accepts the scheme name in any case', async () => {
    const token = await issuer.issueAccessToken();
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const response = await app.request('/me', { authorization: `${scheme} ${token}` });
      expect(response.status, scheme).toBe(200);
    }
  });

  it('serves RFC 9728 protected resource metadata without authentication', async () => {
    const response = await app.request('/.well-known/oauth-protected-resource');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      resource: AUDIENCE,
      authorization_servers: [issuer.issuer],
      scopes_supported: ['notes:read', 'notes:write'],
      bearer_methods_supported: ['header'],
      dpop_signing_alg_values_supported: ['ES256', 'EdDSA', 'PS256', 'RS256'],
      dpop_bound_access_tokens_required: false,
    });
  });

  it('leaves unguarded routes alone', async () => {
    expect((await app.request('/public')).status).toBe(200);
  });
});
