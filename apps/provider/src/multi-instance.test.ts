/**
 * Two provider processes on one PostgreSQL schema serve one user seamlessly: codes, sessions,
 * refresh tokens, clients and keys live in the database, never in one process's memory.
 */
import { createTestDatabase, postgresSkipReason, type TestDatabase } from '@oauth-ref/db/testing';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mobileClient, webClient } from '@oauth-ref/demo-config';
import { Browser } from './testing/browser.js';
import { freePort } from './testing/free-port.js';
import {
  alice,
  authorizationUrl,
  authorize,
  pkcePair,
  tokenRequest,
  webAuth,
} from './testing/oauth-flows.js';
import { spawnProvider, type SpawnedProvider } from './testing/spawn-provider.js';
import { TEST_ADMIN_TOKEN } from './testing/start-test-provider.js';
import { untilRefused } from './testing/until-refused.js';

describe.skipIf(postgresSkipReason !== undefined)(
  `two provider instances on one PostgreSQL${postgresSkipReason ? ` (skipped: ${postgresSkipReason})` : ''}`,
  () => {
    let db: TestDatabase;
    let a: SpawnedProvider;
    let b: SpawnedProvider;
    let issuer: string;

    beforeAll(async () => {
      db = await createTestDatabase('postgresql');
      const [portA, portB] = [await freePort(), await freePort()];
      // One logical issuer (as behind a load balancer); each instance listens on its own port.
      issuer = `http://localhost:${portA}`;
      const env = {
        OAUTH_ISSUER: issuer,
        DATABASE_URL: db.url,
        DEMO_MODE: 'true',
        PROVIDER_ADMIN_API: 'on',
        PROVIDER_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        KEY_REFRESH_SECONDS: '1',
      };
      a = await spawnProvider(env, portA);
      b = await spawnProvider(env, portB);
    }, 120_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await db?.dispose();
    });

    it('both instances publish the same signing key', async () => {
      const jwks = async (url: string) => (await (await fetch(`${url}/jwks`)).json()) as unknown;
      expect(await jwks(a.url)).toEqual(await jwks(b.url));
    });

    it('a code issued by one instance is redeemed at the other', async () => {
      const { verifier, challenge } = pkcePair();
      const { callback } = await authorize(a.url, { pkce: { challenge } });
      expect(callback.searchParams.get('iss')).toBe(issuer);
      const tokens = await tokenRequest(b.url, {
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: mobileClient.redirectUris[0]!,
        client_id: mobileClient.clientId,
        code_verifier: verifier,
      });
      expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
      const { payload } = await jwtVerify(
        String(tokens.body.access_token),
        createRemoteJWKSet(new URL(`${a.url}/jwks`)),
        {
          issuer,
          audience: 'http://localhost:3333',
          typ: 'at+jwt',
        },
      );
      expect(payload.sub).toBe(alice.sub);

      // A refresh token from A rotates at B; presenting the old one again at A is reuse → grant revoked.
      const rotated = await tokenRequest(b.url, {
        grant_type: 'refresh_token',
        refresh_token: String(tokens.body.refresh_token),
        client_id: mobileClient.clientId,
      });
      expect(rotated.status).toBe(200);
      const reuse = await tokenRequest(a.url, {
        grant_type: 'refresh_token',
        refresh_token: String(tokens.body.refresh_token),
        client_id: mobileClient.clientId,
      });
      expect(reuse.body.error).toBe('invalid_grant');
      const revoked = await tokenRequest(b.url, {
        grant_type: 'refresh_token',
        refresh_token: String(rotated.body.refresh_token),
        client_id: mobileClient.clientId,
      });
      expect(revoked.body.error).toBe('invalid_grant');
    });

    it('a session started on one instance is seen by the other (no second sign-in)', async () => {
      const redirectUri = webClient.redirectUris[0]!;
      const atA = new Browser(a.url);
      const first = await authorize(a.url, {
        browser: atA,
        clientId: webClient.clientId,
        redirectUri,
        pkce: null,
        scope: 'openid notes:read',
      });
      expect(first.callback.searchParams.get('code')).toBeTruthy();

      // The same browser (cookies are per host, not per port) now reaches instance B.
      const atB = new Browser(b.url);
      for (const [name, value] of atA.cookies) atB.cookies.set(name, value);
      const response = await atB.follow(
        await atB.get(
          authorizationUrl(b.url, {
            state: 'b',
            nonce: 'n',
            clientId: webClient.clientId,
            redirectUri,
            pkce: null,
            scope: 'openid notes:read',
          }),
        ),
      );
      const location = response.headers.get('location');
      expect(location, await response.text()).toBeTruthy();
      const code = new URL(location!).searchParams.get('code');
      expect(code).toBeTruthy();
      const tokens = await tokenRequest(
        a.url,
        { grant_type: 'authorization_code', code: code!, redirect_uri: redirectUri },
        webAuth,
      );
      expect(tokens.status).toBe(200);
    });

    it('a user created through one instance signs in at the other', async () => {
      const created = await fetch(`${a.url}/admin/users`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          username: 'erin',
          password: 'erin-password-1',
          email: 'erin@example.com',
          name: 'Erin',
        }),
      });
      expect(created.status).toBe(201);
      const { callback } = await authorize(b.url, {
        pkce: pkcePair(),
        user: { username: 'erin', password: 'erin-password-1' },
      });
      expect(callback.searchParams.get('code')).toBeTruthy();
    });

    it('a user deleted through one instance gets no more tokens from the other within the cache check interval', async () => {
      const admin = (method: string, path: string, body?: unknown) =>
        fetch(`${a.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
            'content-type': 'application/json',
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const created = await admin('POST', '/admin/users', {
        username: 'frank',
        password: 'frank-password-1',
        email: 'frank@example.com',
        name: 'Frank',
      });
      expect(created.status).toBe(201);
      const { sub } = (await created.json()) as { sub: string };
      const { verifier, challenge } = pkcePair();
      const { callback } = await authorize(b.url, {
        pkce: { challenge },
        user: { username: 'frank', password: 'frank-password-1' },
      });
      const tokens = await tokenRequest(b.url, {
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: mobileClient.redirectUris[0]!,
        client_id: mobileClient.clientId,
        code_verifier: verifier,
      });
      expect(tokens.status).toBe(200);
      let refreshToken = String(tokens.body.refresh_token);
      const refresh = async () => {
        const rotated = await tokenRequest(b.url, {
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: mobileClient.clientId,
        });
        if (rotated.status === 200) refreshToken = String(rotated.body.refresh_token);
        return rotated.status;
      };
      // B now holds frank in its user cache.
      expect(await refresh()).toBe(200);

      expect((await admin('DELETE', `/admin/users/${sub}`)).status).toBe(204);
      const deletedAt = performance.now();
      const seen = await untilRefused(async () => (await refresh()) === 400, { pauseMs: 50 });
      expect(seen.refused).toBe(true);
      // B refreshed only in requests that started within CACHE_CHECK_MS (1000 by default) of the
      // deletion.
      expect(seen.lastAcceptedStart - deletedAt).toBeLessThan(1_000);
    });

    it('a key rotated on one instance reaches the other', async () => {
      const rotated = await fetch(`${a.url}/admin/keys/rotate`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ activateInSeconds: 1, graceSeconds: 600 }),
      });
      const { kid } = (await rotated.json()) as { kid: string };
      const deadline = Date.now() + 10_000;
      let signedBy: string | undefined;
      while (Date.now() < deadline) {
        const token = await tokenRequest(
          b.url,
          { grant_type: 'client_credentials', scope: 'notes:stats' },
          `Basic ${Buffer.from('oauth-ref-machine:oauth-ref-machine-demo-secret-not-for-production').toString('base64')}`,
        );
        signedBy = decodeProtectedHeader(String(token.body.access_token)).kid;
        if (signedBy === kid) break;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect(signedBy).toBe(kid);
      const jwksB = (await (await fetch(`${b.url}/jwks`)).json()) as { keys: { kid: string }[] };
      expect(jwksB.keys.map((key) => key.kid)).toContain(kid);
    });
  },
);
