/**
 * Every check of the strategy, each with a token that must be refused (RFC 9068 §4, RFC 8725).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from './testing/index.js';
import { createTestApp, type TestApp } from './nest-app.test-helper.js';

const AUDIENCE = 'http://localhost:3333';
let issuer: TestIssuer;
let app: TestApp;

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE });
  app = await createTestApp({
    issuer: issuer.issuer,
    audience: AUDIENCE,
    clockToleranceSeconds: 30,
  });
});
afterAll(async () => {
  await app.close();
  await issuer.close();
});

async function expectRefused(token: string, code: string): Promise<void> {
  const response = await app.request('/me', { authorization: `Bearer ${token}` });
  expect(response.status).toBe(401);
  expect(response.body).toMatchObject({ error: 'invalid_token', code });
  expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  expect(response.headers['www-authenticate']).toContain('resource_metadata="');
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('signature', () => {
  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await issuer.issueAccessToken()).split('.');
    const forged = b64({
      iss: issuer.issuer,
      aud: AUDIENCE,
      sub: 'bob',
      client_id: 'oauth-ref-web',
      jti: 'x',
      iat: now(),
      exp: now() + 300,
    });
    await expectRefused(`${header}.${forged}.${signature}`, 'signature_invalid');
  });

  it('refuses a token signed by another key that claims the issuer kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const kid = issuer.jwks.keys.find((key) => key.alg === 'RS256')?.kid ?? '';
    const token = await new SignJWT({
      iss: issuer.issuer,
      aud: AUDIENCE,
      sub: 'alice',
      client_id: 'c',
      jti: 'j',
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    await expectRefused(token, 'signature_invalid');
  });
});

describe('algorithm allowlist (RFC 8725 §3.1)', () => {
  it('refuses alg none in any spelling', async () => {
    for (const alg of ['none', 'NONE', 'None', 'nOnE']) {
      const payload = b64({
        iss: issuer.issuer,
        aud: AUDIENCE,
        sub: 'alice',
        client_id: 'c',
        jti: 'j',
        iat: now(),
        exp: now() + 300,
      });
      await expectRefused(`${b64({ alg, typ: 'at+jwt' })}.${payload}.`, 'algorithm_not_allowed');
    }
  });

  it('refuses HS256 signed with the issuer public key as the HMAC secret (key confusion)', async () => {
    const pem = await issuer.publicKeyPem('RS256');
    const kid = issuer.jwks.keys.find((key) => key.alg === 'RS256')?.kid ?? '';
    const token = await new SignJWT({
      iss: issuer.issuer,
      aud: AUDIENCE,
      sub: 'alice',
      client_id: 'c',
      jti: 'j',
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    await expectRefused(token, 'algorithm_not_allowed');
  });

  it('refuses a token whose alg does not fit the key its kid names', async () => {
    const esKid = issuer.jwks.keys.find((key) => key.alg === 'ES256')?.kid ?? null;
    await expectRefused(await issuer.issueAccessToken({ alg: 'RS256', kid: esKid }), 'key_unknown');
  });
});

describe('typ (RFC 9068 §4)', () => {
  it('refuses an OIDC ID token from the same issuer', async () => {
    await expectRefused(await issuer.issueIdToken(), 'type_not_access_token');
  });

  it('refuses a token with no typ and one with typ JWT', async () => {
    await expectRefused(await issuer.issueAccessToken({ typ: null }), 'type_not_access_token');
    await expectRefused(await issuer.issueAccessToken({ typ: 'JWT' }), 'type_not_access_token');
  });

  it('accepts application/at+jwt', async () => {
    const response = await app.request('/me', {
      authorization: `Bearer ${await issuer.issueAccessToken({ typ: 'application/at+jwt' })}`,
    });
    expect(response.status).toBe(200);
  });

  it('refuses a token with critical header parameters', async () => {
    await expectRefused(
      await issuer.issueAccessToken({ header: { crit: ['b64'], b64: true } }),
      'critical_header_unsupported',
    );
  });
});

describe('issuer and audience', () => {
  it('compares iss exactly: a trailing slash is another issuer', async () => {
    await expectRefused(
      await issuer.issueAccessToken({ claims: { iss: `${issuer.issuer}/` } }),
      'issuer_mismatch',
    );
  });

  it('refuses a token from another issuer', async () => {
    await expectRefused(
      await issuer.issueAccessToken({ claims: { iss: 'http://evil.example' } }),
      'issuer_mismatch',
    );
  });

  it('refuses another issuer before any key lookup: as issuer_mismatch, no JWKS fetch', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({
      iss: 'https://other-issuer.example',
      sub: 'alice',
      aud: AUDIENCE,
      client_id: 'c',
      jti: 'j',
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'foreign-kid' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const fetchesBefore = issuer.jwksRequests;
    await expectRefused(foreign, 'issuer_mismatch');
    expect(issuer.jwksRequests).toBe(fetchesBefore);
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(
      await issuer.issueAccessToken({ claims: { aud: 'http://localhost:9999' } }),
      'audience_mismatch',
    );
  });

  it('accepts an aud array that contains the audience', async () => {
    const token = await issuer.issueAccessToken({ claims: { aud: ['http://other', AUDIENCE] } });
    expect((await app.request('/me', { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe('time claims (leeway 30 s here, never more than 60 s)', () => {
  it('refuses an expired token beyond the leeway', async () => {
    await expectRefused(
      await issuer.issueAccessToken({ claims: { iat: now() - 600, exp: now() - 31 } }),
      'token_expired',
    );
  });

  it('accepts a token expired within the leeway', async () => {
    const token = await issuer.issueAccessToken({ claims: { iat: now() - 600, exp: now() - 5 } });
    expect((await app.request('/me', { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('refuses a token not valid before a future nbf', async () => {
    await expectRefused(
      await issuer.issueAccessToken({ claims: { nbf: now() + 120 } }),
      'token_not_yet_valid',
    );
  });

  it('refuses a token issued in the future', async () => {
    await expectRefused(
      await issuer.issueAccessToken({ claims: { iat: now() + 120 } }),
      'token_issued_in_future',
    );
  });
});

describe('required claims (RFC 9068 §2.2)', () => {
  for (const claim of ['sub', 'client_id', 'iat', 'exp', 'jti']) {
    it(`refuses a token without ${claim}`, async () => {
      await expectRefused(
        await issuer.issueAccessToken({ claims: { [claim]: undefined } }),
        'claim_missing',
      );
    });
  }

  it('refuses a sub that is not a string', async () => {
    await expectRefused(await issuer.issueAccessToken({ claims: { sub: 42 } }), 'claim_invalid');
  });

  it('refuses a scope claim that is not a string', async () => {
    await expectRefused(
      await issuer.issueAccessToken({ claims: { scope: ['notes:read'] } }),
      'claim_invalid',
    );
  });
});

describe('embedded keys are never followed (RFC 8725 §3.10)', () => {
  it('ignores jku, x5u and an embedded jwk: the attacker key is never fetched nor used', async () => {
    let attackerRequests = 0;
    const attacker = createServer((_request, response) => {
      attackerRequests += 1;
      response.end('{}');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    try {
      const { privateKey, publicKey } = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'attacker' };
      const token = await new SignJWT({
        iss: issuer.issuer,
        aud: AUDIENCE,
        sub: 'alice',
        client_id: 'c',
        jti: 'j',
      })
        .setProtectedHeader({
          alg: 'RS256',
          typ: 'at+jwt',
          kid: 'attacker',
          jwk,
          jku: `${attackerUrl}/jwks`,
          x5u: `${attackerUrl}/cert`,
        })
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      await expectRefused(token, 'key_unknown');
      expect(attackerRequests).toBe(0);
    } finally {
      attacker.close();
    }
  });
});

describe('malformed tokens', () => {
  it('refuses something that is not a JWT', async () => {
    await expectRefused('not-a-jwt', 'token_malformed');
  });

  it('refuses a header that is not JSON', async () => {
    await expectRefused(`${Buffer.from('nope').toString('base64url')}.e30.sig`, 'token_malformed');
  });
});
