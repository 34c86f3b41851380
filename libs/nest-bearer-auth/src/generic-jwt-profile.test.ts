/**
 * The `generic-jwt` profile against real tokens shaped like Entra ID, Okta and Auth0 ones: it
 * relaxes `typ`, `client_id` and `jti` only; every other refusal of the default profile still holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BearerAuthOptions } from './bearer-auth-options.js';
import { createTestApp, type TestApp } from './nest-app.test-helper.js';
import { machineRules } from './principal-kind.js';
import { startTestIssuer, type TestIssuer } from './testing/index.js';

const AUDIENCE = 'api://6f1c2f3a-0000-4000-8000-000000000001';
const RESOURCE = 'https://api.example.com';
const issuer: TestIssuer = await startTestIssuer({ audience: AUDIENCE });
afterAll(() => issuer.close());
const base = { issuer: issuer.issuer, audience: AUDIENCE, resource: RESOURCE };

/**
 * passport keeps one strategy per name per process, so each describe block runs its own app
 * (created in its beforeAll, closed in its afterAll), never two at once.
 */
function useApp(options: BearerAuthOptions): { current: TestApp } {
  const holder = {} as { current: TestApp };
  beforeAll(async () => {
    holder.current = await createTestApp(options);
  });
  afterAll(() => holder.current.close());
  return holder;
}

const ENTRA: BearerAuthOptions = {
  ...base,
  tokenProfile: 'generic-jwt',
  clientIdClaims: ['azp', 'appid'],
  scopeClaim: 'scp',
  principalKind: machineRules['idtyp-app'],
};
const OKTA: BearerAuthOptions = {
  ...base,
  tokenProfile: 'generic-jwt',
  clientIdClaims: ['cid'],
  scopeClaim: 'scp',
};
const AUTH0: BearerAuthOptions = {
  ...base,
  tokenProfile: 'generic-jwt',
  clientIdClaims: ['client_id', 'azp'],
  scopeClaim: 'permissions',
  principalKind: machineRules['auth0-clients-suffix'],
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function expectRefused(app: TestApp, token: string, code: string): Promise<void> {
  const response = await app.request('/me', bearer(token));
  expect(response.status).toBe(401);
  expect(response.body).toMatchObject({ error: 'invalid_token', code });
}

/** An Entra ID v2 delegated token: typ JWT, client in azp, scopes in scp, uti not jti. */
const entraUserToken = () =>
  issuer.issueAccessToken({
    typ: 'JWT',
    claims: {
      sub: 'pairwise-sub',
      client_id: undefined,
      jti: undefined,
      scope: undefined,
      azp: 'web-app-guid',
      uti: 'u1',
      scp: 'notes:read notes:write',
      ver: '2.0',
    },
  });

const idToken = () =>
  issuer.issueIdToken({ claims: { aud: 'web-app-guid', azp: 'web-app-guid', nonce: 'n' } });

describe('generic-jwt, Entra ID-shaped tokens (clientIdClaims azp, appid; scopeClaim scp)', () => {
  const entra = useApp(ENTRA);

  it('accepts typ JWT, azp, an scp string and no jti, and reads the client and scopes', async () => {
    const response = await entra.current.request('/me', bearer(await entraUserToken()));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      sub: 'pairwise-sub',
      client_id: 'web-app-guid',
      scopes: ['notes:read', 'notes:write'],
      kind: 'user',
    });
    expect((await entra.current.request('/write', bearer(await entraUserToken()))).status).toBe(
      200,
    );
  });

  it('falls back to the next client id claim (Entra v1 appid) and accepts no typ at all', async () => {
    const token = await issuer.issueAccessToken({
      typ: null,
      claims: { client_id: undefined, jti: undefined, appid: 'v1-client', scope: undefined },
    });
    const response = await entra.current.request('/me', bearer(token));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ client_id: 'v1-client', scopes: [] });
  });

  it('accepts a token with no client id claim at all (the principal has none)', async () => {
    const token = await issuer.issueAccessToken({ typ: 'JWT', claims: { client_id: undefined } });
    const response = await entra.current.request('/me', bearer(token));
    expect(response.status).toBe(200);
    expect(response.body['client_id']).toBeUndefined();
  });

  it('tells app-only tokens by idtyp: app', async () => {
    const token = await issuer.issueAccessToken({
      typ: 'JWT',
      claims: { client_id: undefined, azp: 'daemon', idtyp: 'app', scp: 'notes:stats' },
    });
    expect((await entra.current.request('/machine', bearer(token))).status).toBe(200);
  });

  it('refuses an ID token: its aud is the client, not this resource', async () => {
    await expectRefused(entra.current, await idToken(), 'audience_mismatch');
  });

  it('refuses other JWT types (logout tokens, DPoP proofs, ...)', async () => {
    for (const typ of ['logout+jwt', 'dpop+jwt', 'secevent+jwt', 'id_token']) {
      await expectRefused(
        entra.current,
        await issuer.issueAccessToken({ typ }),
        'type_not_access_token',
      );
    }
  });

  it('still requires sub, iat and exp', async () => {
    for (const claim of ['sub', 'iat', 'exp']) {
      await expectRefused(
        entra.current,
        await issuer.issueAccessToken({ typ: 'JWT', claims: { [claim]: undefined } }),
        'claim_missing',
      );
    }
  });

  it('still compares iss exactly, checks aud and exp', async () => {
    await expectRefused(
      entra.current,
      await issuer.issueAccessToken({ typ: 'JWT', claims: { iss: `${issuer.issuer}/` } }),
      'issuer_mismatch',
    );
    await expectRefused(
      entra.current,
      await issuer.issueAccessToken({ typ: 'JWT', claims: { aud: 'api://other' } }),
      'audience_mismatch',
    );
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(
      entra.current,
      await issuer.issueAccessToken({ typ: 'JWT', claims: { iat: now - 600, exp: now - 31 } }),
      'token_expired',
    );
  });

  it('refuses a present client id claim or jti that is not a non-empty string', async () => {
    await expectRefused(
      entra.current,
      await issuer.issueAccessToken({ typ: 'JWT', claims: { client_id: undefined, azp: 7 } }),
      'claim_invalid',
    );
    await expectRefused(
      entra.current,
      await issuer.issueAccessToken({ typ: 'JWT', claims: { jti: '' } }),
      'claim_invalid',
    );
  });
});

describe('generic-jwt, Okta-shaped tokens (clientIdClaims cid; scopeClaim scp)', () => {
  const okta = useApp(OKTA);

  it('reads cid and an scp array; sub = cid is a machine (the default rule)', async () => {
    const token = await issuer.issueAccessToken({
      typ: 'JWT',
      claims: {
        sub: '0oa-machine',
        cid: '0oa-machine',
        client_id: undefined,
        scope: undefined,
        scp: ['notes:stats'],
      },
    });
    expect((await okta.current.request('/machine', bearer(token))).status).toBe(200);
  });

  it('refuses an scp array of the wrong shape', async () => {
    for (const scp of [[1], ['two words'], { a: 1 }]) {
      await expectRefused(
        okta.current,
        await issuer.issueAccessToken({ typ: 'JWT', claims: { scp } }),
        'claim_invalid',
      );
    }
  });
});

describe('generic-jwt, Auth0-shaped tokens (clientIdClaims client_id, azp; scopeClaim permissions)', () => {
  const auth0 = useApp(AUTH0);

  it('reads permissions and calls sub = "<client id>@clients" a machine', async () => {
    const machine = await issuer.issueAccessToken({
      typ: 'JWT',
      claims: {
        sub: 'abc@clients',
        client_id: undefined,
        azp: 'abc',
        scope: undefined,
        permissions: ['notes:stats'],
      },
    });
    expect((await auth0.current.request('/machine', bearer(machine))).status).toBe(200);
  });

  it('reads only permissions (not scope), and a sub of another client + @clients is a user', async () => {
    const token = await issuer.issueAccessToken({
      claims: { sub: 'other@clients', client_id: 'abc', scope: 'notes:stats', permissions: [] },
    });
    expect((await auth0.current.request('/me', bearer(token))).body).toMatchObject({
      kind: 'user',
      scopes: [],
    });
  });

  it('refuses permissions given as a string', async () => {
    await expectRefused(
      auth0.current,
      await issuer.issueAccessToken({ typ: 'JWT', claims: { permissions: 'notes:read' } }),
      'claim_invalid',
    );
  });
});

describe('rfc9068 (default) is unchanged by the new options', () => {
  const strict = useApp(base);

  it('refuses an ID token (typ JWT) and the Entra-shaped token', async () => {
    await expectRefused(strict.current, await idToken(), 'type_not_access_token');
    await expectRefused(strict.current, await entraUserToken(), 'type_not_access_token');
  });

  it('refuses typ JWT or none, and a missing client_id or jti even when cid/azp are present', async () => {
    await expectRefused(
      strict.current,
      await issuer.issueAccessToken({ typ: 'JWT' }),
      'type_not_access_token',
    );
    await expectRefused(
      strict.current,
      await issuer.issueAccessToken({ typ: null }),
      'type_not_access_token',
    );
    for (const claim of ['client_id', 'jti']) {
      await expectRefused(
        strict.current,
        await issuer.issueAccessToken({ claims: { [claim]: undefined, cid: 'x', azp: 'x' } }),
        'claim_missing',
      );
    }
  });

  it('accepts a non-URL audience when resource names the API URL, and advertises that URL', async () => {
    const response = await strict.current.request('/me', bearer(await issuer.issueAccessToken()));
    expect(response.status).toBe(200);
    const metadata = await strict.current.request('/.well-known/oauth-protected-resource');
    expect(metadata.body).toMatchObject({ resource: RESOURCE });
  });
});
