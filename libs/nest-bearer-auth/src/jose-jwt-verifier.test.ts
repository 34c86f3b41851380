import { createPublicKey } from 'node:crypto';
import { Strategy } from 'passport-jwt';
import { describe, expect, it } from 'vitest';
import { installJoseVerifier, JOSE_VERIFICATION } from './jose-jwt-verifier.js';
import { startTestIssuer } from './testing/index.js';

type Verifier = (
  token: string,
  key: unknown,
  options: Record<PropertyKey, unknown>,
  callback: (error: unknown, payload?: unknown) => void,
) => void;

describe('installJoseVerifier', () => {
  it('leaves other passport-jwt strategies on jsonwebtoken', async () => {
    installJoseVerifier();
    installJoseVerifier();
    const issuer = await startTestIssuer();
    try {
      const token = await issuer.issueAccessToken();
      const jwk = issuer.jwks.keys.find((key) => key.alg === 'RS256');
      const pem = createPublicKey({ key: jwk as never, format: 'jwk' }).export({
        type: 'spki',
        format: 'pem',
      });
      const verifier = (Strategy as unknown as { JwtVerifier: Verifier }).JwtVerifier;
      const payload = await new Promise((resolve, reject) =>
        verifier(token, pem, { algorithms: ['RS256'] }, (error, result) =>
          error ? reject(error as Error) : resolve(result),
        ),
      );
      expect(payload).toMatchObject({ sub: 'alice' });
    } finally {
      await issuer.close();
    }
  });

  it("verifies our strategy's tokens with jose, enforcing typ at+jwt itself", async () => {
    installJoseVerifier();
    const issuer = await startTestIssuer();
    try {
      const jwk = issuer.jwks.keys.find((key) => key.alg === 'RS256');
      const key = createPublicKey({ key: jwk as never, format: 'jwk' });
      const verifier = (Strategy as unknown as { JwtVerifier: Verifier }).JwtVerifier;
      const settings = {
        algorithms: ['RS256'],
        issuer: issuer.issuer,
        audience: issuer.audience,
        clockToleranceSeconds: 0,
      };
      const run = (token: string) =>
        new Promise((resolve, reject) =>
          verifier(token, key, { [JOSE_VERIFICATION]: settings }, (error, result) =>
            error ? reject(error as Error) : resolve(result),
          ),
        );
      await expect(run(await issuer.issueAccessToken())).resolves.toMatchObject({ sub: 'alice' });
      await expect(run(await issuer.issueIdToken())).rejects.toMatchObject({
        code: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
        claim: 'typ',
      });
      await expect(
        run(await issuer.issueAccessToken({ claims: { jti: undefined } })),
      ).rejects.toMatchObject({ claim: 'jti', reason: 'missing' });
    } finally {
      await issuer.close();
    }
  });
});
