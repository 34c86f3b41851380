/** Logs never contain tokens; rate limiting answers 429 JSON; readiness reports a JWKS outage. */
import { createTestDatabase, type TestDatabase } from '@oauth-ref/db/testing';
import { startTestIssuer, type TestIssuer } from '@oauth-ref/nest-bearer-auth/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, startTestApi, type TestApi } from './testing/start-test-api.js';

let database: TestDatabase;
let issuer: TestIssuer;
let api: TestApi;

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  issuer = await startTestIssuer({ audience: AUDIENCE });
  issuer.setAvailable(false); // the API starts while the issuer is down
  api = await startTestApi({
    database,
    issuer,
    env: { RATE_LIMIT_MAX: '20', RATE_LIMIT_WINDOW_SECONDS: '60', LOG_LEVEL: 'debug' },
  });
});
afterAll(async () => {
  await api?.close();
  await issuer?.close();
  await database?.dispose();
});

describe('readiness and a JWKS outage', () => {
  it('is not ready and answers 503 (not 401, not 500) while the JWKS was never reachable', async () => {
    const ready = await api.fetch('/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'not_ready',
      checks: { database: 'up', jwks: 'down' },
    });
    const me = await api.fetch('/me', { token: await issuer.issueAccessToken() });
    expect(me.status).toBe(503);
    expect(await me.json()).toMatchObject({
      error: 'temporarily_unavailable',
      code: 'jwks_unavailable',
    });
  });

  it('becomes ready once the issuer is back (after the retry back-off)', async () => {
    issuer.setAvailable(true);
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    const ready = await api.fetch('/health/ready');
    expect(ready.status).toBe(200);
    expect((await api.fetch('/me', { token: await issuer.issueAccessToken() })).status).toBe(200);
  });
});

describe('logs', () => {
  it('never contain a token, whether sent in the header, the query string or as a bad token', async () => {
    const good = await issuer.issueAccessToken();
    const expired = await issuer.issueAccessToken({
      claims: { exp: Math.floor(Date.now() / 1000) - 3600 },
    });
    await api.fetch('/me', { token: good });
    await api.fetch('/me', { token: expired });
    await api.fetch(`/me?access_token=${good}`);
    await api.fetch(`/notes?cursor=x&access_token=${good}`, { token: good });
    await api.fetch('/notes', {
      method: 'POST',
      token: good,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: good }),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.logs.length).toBeGreaterThan(3);
    const all = api.logs.join('\n');
    for (const token of [good, expired]) {
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.split('.')[2]);
    }
    expect(all).not.toMatch(/authorization/i);
    const line = JSON.parse(
      api.logs.find((entry) => entry.includes('"path":"/me"')) ?? '{}',
    ) as Record<string, unknown>;
    expect(line).toMatchObject({ req: { method: 'GET', path: '/me' } });
  });
});

describe('rate limiting', () => {
  it('answers 429 JSON with Retry-After once a client exceeds the limit', async () => {
    let response: Response | undefined;
    for (let index = 0; index < 25; index += 1) {
      response = await api.fetch('/me');
      if (response.status === 429) break;
    }
    expect(response?.status).toBe(429);
    expect(response?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await response?.json()).toMatchObject({ error: 'too_many_requests' });
  });

  it('never limits the liveness probe', async () => {
    expect((await api.fetch('/health')).status).toBe(200);
  });
});
