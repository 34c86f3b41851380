/**
 * RFC 8725 §3.1: only the configured algorithms are accepted. Own file: passport strategies are
 * process-global, so one BearerAuthModule per test file (and per app process).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from './testing/index.js';
import { createTestApp } from './nest-app.test-helper.js';

const AUDIENCE = 'http://localhost:3333';
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE });
});
afterAll(async () => {
  await issuer.close();
});

it('refuses an asymmetric algorithm that is not in the configured allowlist', async () => {
  const strict = await createTestApp({
    issuer: issuer.issuer,
    audience: AUDIENCE,
    algorithms: ['ES256'],
  });
  try {
    const refused = await strict.request('/me', {
      authorization: `Bearer ${await issuer.issueAccessToken({ alg: 'RS256' })}`,
    });
    expect(refused.body).toMatchObject({ code: 'algorithm_not_allowed' });
    const accepted = await strict.request('/me', {
      authorization: `Bearer ${await issuer.issueAccessToken({ alg: 'ES256' })}`,
    });
    expect(accepted.status).toBe(200);
  } finally {
    await strict.close();
  }
});
