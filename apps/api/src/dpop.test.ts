/**
 * RFC 9449 at the API, over HTTP, with TWO API instances sharing one store: a DPoP-bound token
 * works with its proof, a proof replayed against the other instance is refused (database on
 * SQLite and PostgreSQL, and Redis), and the bound token is refused as Bearer.
 */
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import {
  createDpopKey,
  createDpopProof,
  startTestIssuer,
  type DpopKey,
  type TestIssuer,
} from '@oauth-ref/nest-bearer-auth/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisSkipReason, testRedisUrl } from '@oauth-ref/db/testing/redis';
import { AUDIENCE, startTestApi, type TestApi } from './testing/start-test-api.js';

function dpopSuite(database: () => TestDatabase, env: Record<string, string>): void {
  let issuer: TestIssuer;
  let first: TestApi;
  let second: TestApi;
  let key: DpopKey;
  let token: string;

  beforeAll(async () => {
    issuer = await startTestIssuer({ audience: AUDIENCE });
    first = await startTestApi({ database: database(), issuer, env });
    second = await startTestApi({ database: database(), issuer, env });
    key = await createDpopKey();
    token = await issuer.issueAccessToken({ claims: { cnf: { jkt: key.thumbprint } } });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await issuer?.close();
  });

  // htu is the configured public URL (the audience here), not the 127.0.0.1 address tests dial
  const proof = () =>
    createDpopProof(key, { method: 'GET', url: `${AUDIENCE}/me`, accessToken: token });
  const withProof = (api: TestApi, dpop: string) =>
    api.fetch('/me', { headers: { authorization: `DPoP ${token}`, dpop } });

  it('accepts a bound token with its proof on either instance', async () => {
    expect((await withProof(first, await proof())).status).toBe(200);
    expect((await withProof(second, await proof())).status).toBe(200);
  });

  it('refuses a proof replayed against the second instance with a DPoP challenge', async () => {
    const used = await proof();
    expect((await withProof(first, used)).status).toBe(200);
    const replayed = await withProof(second, used);
    expect(replayed.status).toBe(401);
    expect(replayed.headers.get('www-authenticate')).toMatch(
      /^DPoP algs="ES256 EdDSA PS256 RS256", error="invalid_dpop_proof"/,
    );
    expect(await replayed.json()).toMatchObject({
      error: 'invalid_dpop_proof',
      code: 'dpop_proof_replayed',
    });
  });

  it('lets one of 10 truly parallel uses of one proof, spread over both instances, through', async () => {
    const used = await proof();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        withProof(index % 2 === 0 ? first : second, used).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 401)).toHaveLength(9);
  });

  it('refuses the bound token presented as Bearer: 401 invalid_token', async () => {
    const response = await first.fetch('/me', { token });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(await response.json()).toMatchObject({ code: 'token_sender_constrained' });
  });
}

describeEachDatabase('DPoP across two API instances on one database', (database) => {
  dpopSuite(database, {});
});

describe.skipIf(redisSkipReason !== undefined)(
  `DPoP across two API instances on one Redis${redisSkipReason ? ` (skipped: ${redisSkipReason})` : ''}`,
  () => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase('sqlite');
    });
    afterAll(async () => {
      await database?.dispose();
    });
    dpopSuite(() => database as TestDatabase, { REDIS_URL: testRedisUrl });
  },
);

describe('DPoP server nonces across two instances (DPOP_NONCE_SECRET)', () => {
  let database: TestDatabase | undefined;
  let issuer: TestIssuer;
  let first: TestApi;
  let second: TestApi;
  const env = { DPOP_NONCE_SECRET: 'one-secret-for-every-api-instance-0123456789' };

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    issuer = await startTestIssuer({ audience: AUDIENCE });
    first = await startTestApi({ database, issuer, env });
    second = await startTestApi({ database, issuer, env });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await issuer?.close();
    await database?.dispose();
  });

  it('answers use_dpop_nonce with a DPoP-Nonce any instance then accepts', async () => {
    const key = await createDpopKey();
    const token = await issuer.issueAccessToken({ claims: { cnf: { jkt: key.thumbprint } } });
    const call = async (api: TestApi, nonce?: string) =>
      api.fetch('/me', {
        headers: {
          authorization: `DPoP ${token}`,
          dpop: await createDpopProof(key, {
            method: 'GET',
            url: `${AUDIENCE}/me`,
            accessToken: token,
            ...(nonce !== undefined ? { claims: { nonce } } : {}),
          }),
        },
      });
    const asked = await call(first);
    expect(asked.status).toBe(401);
    expect(asked.headers.get('www-authenticate')).toMatch(
      /^DPoP algs="[^"]+", error="use_dpop_nonce"/,
    );
    const nonce = asked.headers.get('dpop-nonce');
    expect(nonce).toMatch(/^\d+\.[\w-]+$/);
    expect(await asked.json()).toMatchObject({
      error: 'use_dpop_nonce',
      code: 'dpop_nonce_required',
    });
    expect((await call(second, nonce ?? '')).status).toBe(200);
  });
});
