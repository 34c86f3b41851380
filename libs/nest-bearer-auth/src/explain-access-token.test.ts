import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBearerAuthOptions } from './bearer-auth-options.js';
import { explainAccessToken, type AccessTokenExplanation } from './explain-access-token.js';
import { JwksClient } from './jwks-client.js';
import { startTestIssuer, type TestIssuer } from './testing/index.js';

const AUDIENCE = 'http://localhost:3333';
let issuer: TestIssuer;
let explain: (token: string) => Promise<AccessTokenExplanation>;

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE });
  const options = resolveBearerAuthOptions({ issuer: issuer.issuer, audience: AUDIENCE });
  const jwks = new JwksClient({ issuer: issuer.issuer });
  explain = (token) => explainAccessToken(token, options, jwks, { method: 'GET', path: '/notes' });
});
afterAll(async () => {
  await issuer.close();
});

const outcomes = (explanation: AccessTokenExplanation) =>
  Object.fromEntries(explanation.checks.map((check) => [check.id, check.outcome]));
const check = (explanation: AccessTokenExplanation, id: string) =>
  explanation.checks.find((item) => item.id === id);

describe('explainAccessToken', () => {
  it('passes every check of a good token, with the reason, and the API accepts it', async () => {
    const explanation = await explain(await issuer.issueAccessToken());
    expect(explanation.checks.map((item) => item.id)).toEqual([
      'signature',
      'iss',
      'aud',
      'exp',
      'typ',
      'cnf',
    ]);
    expect(new Set(Object.values(outcomes(explanation)))).toEqual(new Set(['pass']));
    expect(check(explanation, 'signature')?.reason).toMatch(
      new RegExp(`^RS256 signature verified with key \\S+ from ${issuer.jwksUri}$`),
    );
    expect(check(explanation, 'iss')?.reason).toBe(`iss is exactly ${issuer.issuer}`);
    expect(check(explanation, 'aud')?.reason).toContain(`contains this API, ${AUDIENCE}`);
    expect(check(explanation, 'typ')?.reason).toContain('typ is at+jwt');
    expect(check(explanation, 'exp')?.rule).toBe('RFC 7519 §4.1.4');
    expect(explanation.verdict).toMatchObject({ accepted: true });
    expect(explanation.verdict.reason).toContain('subject alice');
  });

  it('fails exp for an expired token, as the API refuses it', async () => {
    const explanation = await explain(await issuer.issueAccessToken({ expiresIn: -120 }));
    expect(check(explanation, 'exp')).toMatchObject({ outcome: 'fail', code: 'token_expired' });
    expect(check(explanation, 'signature')?.outcome).toBe('pass');
    expect(explanation.verdict).toMatchObject({ accepted: false, code: 'token_expired' });
  });

  it('fails aud for a token meant for another resource', async () => {
    const explanation = await explain(
      await issuer.issueAccessToken({ claims: { aud: 'http://other.example' } }),
    );
    expect(check(explanation, 'aud')).toMatchObject({
      outcome: 'fail',
      code: 'audience_mismatch',
      reason: 'The token is not intended for this API',
    });
    expect(explanation.verdict.accepted).toBe(false);
  });

  it('fails typ for an ID token presented as an access token', async () => {
    const explanation = await explain(await issuer.issueIdToken());
    expect(check(explanation, 'typ')).toMatchObject({
      outcome: 'fail',
      code: 'type_not_access_token',
    });
    expect(explanation.verdict).toMatchObject({ accepted: false, code: 'type_not_access_token' });
  });

  it('fails iss for another issuer, exactly compared', async () => {
    const explanation = await explain(
      await issuer.issueAccessToken({ claims: { iss: `${issuer.issuer}/` } }),
    );
    expect(check(explanation, 'iss')).toMatchObject({ outcome: 'fail', code: 'issuer_mismatch' });
    expect(explanation.verdict).toMatchObject({ accepted: false, code: 'issuer_mismatch' });
  });

  it('fails cnf for a DPoP-bound token sent as a bearer token', async () => {
    const explanation = await explain(
      await issuer.issueAccessToken({ claims: { cnf: { jkt: 'thumbprint' } } }),
    );
    expect(check(explanation, 'cnf')).toMatchObject({
      outcome: 'fail',
      code: 'token_sender_constrained',
    });
    expect(explanation.verdict.accepted).toBe(false);
  });

  it('fails the signature of a tampered token and trusts none of its claims', async () => {
    const [head, payload, signature] = (await issuer.issueAccessToken()).split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'mallory' })).toString('base64url');
    const explanation = await explain(`${head}.${forged}.${signature}`);
    expect(outcomes(explanation)).toEqual({
      signature: 'fail',
      iss: 'pass',
      aud: 'skipped',
      exp: 'skipped',
      typ: 'pass',
      cnf: 'skipped',
    });
    expect(check(explanation, 'signature')?.code).toBe('signature_invalid');
    expect(check(explanation, 'aud')?.reason).toContain('signature did not verify');
    expect(explanation.verdict).toMatchObject({ accepted: false, code: 'signature_invalid' });
  });

  it('fails the signature of an alg none token and of a token that is not a JWT', async () => {
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    expect(check(await explain(none), 'signature')).toMatchObject({
      outcome: 'fail',
      code: 'algorithm_not_allowed',
    });
    const opaque = await explain('not-a-jwt');
    expect(check(opaque, 'signature')).toMatchObject({
      outcome: 'fail',
      code: 'token_malformed',
    });
    expect(opaque.verdict.accepted).toBe(false);
  });

  it('reports a missing or non-numeric exp as a failed exp check', async () => {
    const missing = await explain(await issuer.issueAccessToken({ claims: { exp: undefined } }));
    expect(check(missing, 'exp')).toMatchObject({ outcome: 'fail', code: 'claim_missing' });
    const text = await explain(await issuer.issueAccessToken({ claims: { exp: 'soon' } }));
    expect(check(text, 'exp')).toMatchObject({ outcome: 'fail', code: 'claim_invalid' });
  });
});
