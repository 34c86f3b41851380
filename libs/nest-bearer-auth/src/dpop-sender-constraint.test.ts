/**
 * RFC 9449 at the resource server, through the framework-free pipeline: each DPoP rule with the
 * one broken proof (or scheme) it must refuse, and the valid request it must accept.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BearerAuthOptions } from './bearer-auth-options.js';
import { InvalidDpopProofError } from './errors/bearer-auth-error.js';
import { toBearerErrorResponse, challengeContextFor } from './to-bearer-error-response.js';
import {
  createAccessTokenVerifier,
  type AccessTokenVerifier,
  type VerifiableRequest,
} from './verify-access-token.js';
import {
  createDpopKey,
  createDpopProof,
  startTestIssuer,
  type DpopKey,
  type DpopProofOptions,
  type TestIssuer,
} from './testing/index.js';

const AUDIENCE = 'http://localhost:3333';
const PUBLIC_URL = 'https://api.example.com';
const URL_NOTES = `${PUBLIC_URL}/notes`;
let issuer: TestIssuer;
let verifier: AccessTokenVerifier;
let key: DpopKey;
let otherKey: DpopKey;
let boundToken: string;

function verifierWith(dpop: BearerAuthOptions['dpop'] = {}): AccessTokenVerifier {
  return createAccessTokenVerifier({
    issuer: issuer.issuer,
    audience: AUDIENCE,
    dpop: { publicUrl: PUBLIC_URL, ...dpop },
  });
}

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE });
  verifier = verifierWith();
  key = await createDpopKey();
  otherKey = await createDpopKey();
  boundToken = await issuer.issueAccessToken({ claims: { cnf: { jkt: key.thumbprint } } });
});
afterAll(() => issuer.close());

const now = () => Math.floor(Date.now() / 1000);

function dpopRequest(
  proof: string,
  token = boundToken,
  extra: Partial<VerifiableRequest> = {},
): VerifiableRequest {
  return {
    method: 'GET',
    url: '/notes',
    headers: { authorization: `DPoP ${token}`, dpop: proof },
    ...extra,
  };
}

const proofFor = (overrides: Partial<DpopProofOptions> = {}, signer = key) =>
  createDpopProof(signer, {
    method: 'GET',
    url: URL_NOTES,
    accessToken: boundToken,
    ...overrides,
  });

async function expectRefused(
  request: VerifiableRequest,
  code: string,
  kind = 'invalid_dpop_proof',
  using = verifier,
): Promise<void> {
  await expect(using.verify(request)).rejects.toMatchObject({ code, kind });
}

describe('DPoP: the valid case', () => {
  it('accepts a bound token with a fresh proof and exposes the key thumbprint', async () => {
    const principal = await verifier.verify(dpopRequest(await proofFor()));
    expect(principal).toMatchObject({ subject: 'alice', dpopKeyThumbprint: key.thumbprint });
  });

  it('compares htu normalised: query, fragment, default port and host case do not matter', async () => {
    const proof = await proofFor({ url: 'HTTPS://API.EXAMPLE.COM:443/notes?cursor=x#top' });
    await expect(
      verifier.verify(dpopRequest(proof, boundToken, { url: '/notes?cursor=y' })),
    ).resolves.toMatchObject({ subject: 'alice' });
  });
});

describe('DPoP: scheme and binding (RFC 9449 §7.1)', () => {
  it('refuses a bound token presented as Bearer (downgrade) as invalid_token', async () => {
    await expectRefused(
      { method: 'GET', url: '/notes', headers: { authorization: `Bearer ${boundToken}` } },
      'token_sender_constrained',
      'invalid_token',
    );
  });

  it('refuses a bound token as Bearer even with a valid proof header beside it', async () => {
    await expectRefused(
      {
        method: 'GET',
        url: '/notes',
        headers: { authorization: `Bearer ${boundToken}`, dpop: await proofFor() },
      },
      'token_sender_constrained',
      'invalid_token',
    );
  });

  it('refuses the DPoP scheme with a token that is not bound', async () => {
    const bearer = await issuer.issueAccessToken();
    const proof = await proofFor({ accessToken: bearer });
    await expectRefused(
      dpopRequest(proof, bearer),
      'token_not_sender_constrained',
      'invalid_token',
    );
  });

  it('refuses a cnf it cannot check (another confirmation method)', async () => {
    const mtls = await issuer.issueAccessToken({ claims: { cnf: { 'x5t#S256': 'abc' } } });
    await expectRefused(
      { method: 'GET', url: '/', headers: { authorization: `Bearer ${mtls}` } },
      'claim_invalid',
      'invalid_token',
    );
  });

  it('refuses the DPoP scheme without a proof', async () => {
    await expectRefused(
      { method: 'GET', url: '/notes', headers: { authorization: `DPoP ${boundToken}` } },
      'dpop_proof_missing',
    );
  });

  it('with bound tokens required, refuses a plain bearer token', async () => {
    await expectRefused(
      {
        method: 'GET',
        url: '/',
        headers: { authorization: `Bearer ${await issuer.issueAccessToken()}` },
      },
      'dpop_required',
      'invalid_token',
      verifierWith({ required: true }),
    );
  });

  it('without that requirement, a plain bearer token passes', async () => {
    await expect(
      verifier.verify({
        method: 'GET',
        url: '/',
        headers: { authorization: `Bearer ${await issuer.issueAccessToken()}` },
      }),
    ).resolves.toSatisfy(
      (principal: { subject: string; dpopKeyThumbprint?: string }) =>
        principal.subject === 'alice' && principal.dpopKeyThumbprint === undefined,
    );
  });
});

describe('DPoP proof header (RFC 9449 §4.3 checks 2–7)', () => {
  it('refuses a proof whose typ is not dpop+jwt', async () => {
    await expectRefused(dpopRequest(await proofFor({ header: { typ: 'JWT' } })), 'dpop_proof_type');
  });

  it('refuses a symmetric (HS256) proof', async () => {
    const secret = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!');
    const proof = await new SignJWT({ htm: 'GET', htu: URL_NOTES, iat: now(), jti: 'hs' })
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'HS256', jwk: key.publicJwk } as never)
      .sign(secret);
    await expectRefused(dpopRequest(proof), 'dpop_algorithm_not_allowed');
  });

  it('refuses alg none', async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const proof = `${b64({ typ: 'dpop+jwt', alg: 'none', jwk: key.publicJwk })}.${b64({ htm: 'GET', htu: URL_NOTES, iat: now(), jti: 'n' })}.`;
    await expectRefused(dpopRequest(proof), 'dpop_algorithm_not_allowed');
  });

  it('refuses a proof alg outside the configured allowlist', async () => {
    const rsa = await createDpopKey('RS256');
    const token = await issuer.issueAccessToken({ claims: { cnf: { jkt: rsa.thumbprint } } });
    const proof = await createDpopProof(rsa, { method: 'GET', url: URL_NOTES, accessToken: token });
    await expectRefused(
      dpopRequest(proof, token),
      'dpop_algorithm_not_allowed',
      'invalid_dpop_proof',
      verifierWith({ algorithms: ['ES256'] }),
    );
  });

  it('refuses a jwk that carries the private key', async () => {
    await expectRefused(
      dpopRequest(await proofFor({ header: { jwk: key.privateJwk } })),
      'dpop_key_invalid',
    );
  });

  it('refuses a proof without jwk', async () => {
    await expectRefused(
      dpopRequest(await proofFor({ header: { jwk: undefined } })),
      'dpop_key_invalid',
    );
  });

  it('refuses a proof signed by another key than its jwk', async () => {
    const proof = await proofFor({ header: { jwk: otherKey.publicJwk } });
    await expectRefused(dpopRequest(proof), 'dpop_signature_invalid');
  });
});

describe('DPoP proof claims (RFC 9449 §4.3 checks 8–12)', () => {
  it('refuses a wrong htm', async () => {
    await expectRefused(dpopRequest(await proofFor({ method: 'POST' })), 'dpop_method_mismatch');
  });

  it('refuses an htm in another case (exact method)', async () => {
    await expectRefused(dpopRequest(await proofFor({ method: 'get' })), 'dpop_method_mismatch');
  });

  it('refuses a wrong htu path', async () => {
    await expectRefused(
      dpopRequest(await proofFor({ url: `${PUBLIC_URL}/stats` })),
      'dpop_url_mismatch',
    );
  });

  it('builds htu from the configured URL, never from Host or X-Forwarded-* headers', async () => {
    const spoofed = 'https://evil.example/notes';
    const proof = await proofFor({ url: spoofed });
    const request = dpopRequest(proof);
    request.headers = {
      ...request.headers,
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    };
    await expectRefused(request, 'dpop_url_mismatch');
  });

  it('refuses a stale iat (older than the proof window)', async () => {
    await expectRefused(
      dpopRequest(await proofFor({ claims: { iat: now() - 61 } })),
      'dpop_proof_stale',
    );
  });

  it('refuses an iat in the future beyond the clock tolerance', async () => {
    await expectRefused(
      dpopRequest(await proofFor({ claims: { iat: now() + 31 } })),
      'dpop_proof_future',
    );
  });

  it('refuses a proof without jti', async () => {
    await expectRefused(
      dpopRequest(await proofFor({ claims: { jti: undefined } })),
      'dpop_proof_malformed',
    );
  });

  it('refuses a wrong ath (proof made for another token)', async () => {
    await expectRefused(
      dpopRequest(await proofFor({ accessToken: 'another-token' })),
      'dpop_token_hash_mismatch',
    );
  });

  it('refuses a proof without ath', async () => {
    await expectRefused(
      dpopRequest(await proofFor({ claims: { ath: undefined } })),
      'dpop_token_hash_mismatch',
    );
  });

  it("refuses a proof by a key that is not the token's cnf.jkt", async () => {
    const proof = await proofFor({}, otherKey);
    await expectRefused(dpopRequest(proof), 'dpop_key_mismatch');
  });

  it('refuses a replayed jti', async () => {
    const proof = await proofFor();
    await verifier.verify(dpopRequest(proof));
    await expectRefused(dpopRequest(proof), 'dpop_proof_replayed');
  });

  it('a refused proof does not use up its jti', async () => {
    const proof = await proofFor();
    await expectRefused(dpopRequest(proof, boundToken, { method: 'POST' }), 'dpop_method_mismatch');
    await expect(verifier.verify(dpopRequest(proof))).resolves.toBeDefined();
  });
});

describe('DPoP challenges (RFC 9449 §7.1)', () => {
  it('answers a proof error with a DPoP challenge naming the algorithms', () => {
    const response = toBearerErrorResponse(
      new InvalidDpopProofError('dpop_proof_replayed', 'The DPoP proof was already used'),
      challengeContextFor(verifier.options),
    );
    expect(response.status).toBe(401);
    expect(response.headers['WWW-Authenticate']).toMatch(
      /^DPoP algs="ES256 EdDSA PS256 RS256", error="invalid_dpop_proof", error_description="The DPoP proof was already used"/,
    );
    expect(response.body).toMatchObject({
      error: 'invalid_dpop_proof',
      code: 'dpop_proof_replayed',
    });
  });

  it('answers a DPoP-scheme token error in the DPoP scheme, a Bearer one in Bearer', async () => {
    const bearer = await issuer.issueAccessToken();
    const viaDpop = await verifier
      .verify(dpopRequest(await proofFor({ accessToken: bearer }), bearer))
      .catch((error: unknown) => error);
    const viaBearer = await verifier
      .verify({ method: 'GET', url: '/', headers: { authorization: `Bearer ${boundToken}` } })
      .catch((error: unknown) => error);
    const context = challengeContextFor(verifier.options);
    expect(toBearerErrorResponse(viaDpop as never, context).headers['WWW-Authenticate']).toMatch(
      /^DPoP algs="[^"]+", error="invalid_token"/,
    );
    expect(toBearerErrorResponse(viaBearer as never, context).headers['WWW-Authenticate']).toMatch(
      /^Bearer error="invalid_token"/,
    );
  });
});
