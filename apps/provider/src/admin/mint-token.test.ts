import { describe, expect, it, beforeAll } from 'vitest';
import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWK } from 'jose';
import { generateSigningKey } from '../keys/generate-signing-key.js';
import { mintToken, TOKEN_VARIANTS, type TokenVariant } from './mint-token.js';

const issuer = 'http://localhost:4000';
const apiResource = 'http://localhost:3333';
let signer: JWK;
let jwks: ReturnType<typeof createLocalJWKSet>;

/** How a strict resource server verifies (RFC 9068 §4 + RFC 8725): the rules each variant breaks. */
async function strictVerify(token: string) {
  return jwtVerify(token, jwks, {
    issuer,
    audience: apiResource,
    algorithms: ['RS256'],
    typ: 'at+jwt',
  });
}

beforeAll(async () => {
  const key = await generateSigningKey();
  signer = key.privateJwk;
  jwks = createLocalJWKSet({ keys: [key.publicJwk] });
});

describe('mintToken', () => {
  it('mints a valid RFC 9068 access token with chosen claims', async () => {
    const { token } = await mintToken(
      { variant: 'valid', sub: 'u1', scope: 'notes:write', claims: { custom: 1 } },
      { issuer, apiResource, signer },
    );
    const { payload, protectedHeader } = await strictVerify(token);
    expect(protectedHeader).toMatchObject({ typ: 'at+jwt', alg: 'RS256', kid: signer.kid });
    expect(payload).toMatchObject({
      sub: 'u1',
      scope: 'notes:write',
      client_id: 'oauth-ref-web',
      custom: 1,
      aud: apiResource,
      iss: issuer,
    });
    expect(payload.jti).toBeTruthy();
  });

  const expectations: Record<Exclude<TokenVariant, 'valid'>, (error: unknown) => void> = {
    expired: (e) => expect(e).toBeInstanceOf(errors.JWTExpired),
    not_yet_valid: (e) => expect(e).toBeInstanceOf(errors.JWTClaimValidationFailed),
    wrong_aud: (e) => expect((e as errors.JWTClaimValidationFailed).claim).toBe('aud'),
    wrong_iss: (e) => expect((e as errors.JWTClaimValidationFailed).claim).toBe('iss'),
    unknown_kid: (e) => expect(e).toBeInstanceOf(errors.JWKSNoMatchingKey),
    alg_none: (e) => expect(e).toBeInstanceOf(errors.JOSEAlgNotAllowed),
    hs256_public_key: (e) => expect(e).toBeInstanceOf(errors.JOSEAlgNotAllowed),
    id_token: (e) => expect((e as errors.JWTClaimValidationFailed).claim).toBe('typ'),
    wrong_typ: (e) => expect((e as errors.JWTClaimValidationFailed).claim).toBe('typ'),
  };

  it.each(TOKEN_VARIANTS.filter((v) => v !== 'valid'))(
    'mints a broken token (%s) that a strict verifier refuses',
    async (variant) => {
      const { token } = await mintToken({ variant }, { issuer, apiResource, signer });
      const error = await strictVerify(token).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      expectations[variant as Exclude<TokenVariant, 'valid'>](error);
    },
  );

  it('alg none has an empty signature and HS256 names the real kid (the key-confusion setup)', async () => {
    const none = await mintToken({ variant: 'alg_none' }, { issuer, apiResource, signer });
    expect(none.token.endsWith('.')).toBe(true);
    const hs = await mintToken({ variant: 'hs256_public_key' }, { issuer, apiResource, signer });
    expect(decodeProtectedHeader(hs.token)).toMatchObject({ alg: 'HS256', kid: signer.kid });
  });

  it('an id_token variant is audience-bound to the client and carries no scope', async () => {
    const { payload } = await mintToken(
      { variant: 'id_token', clientId: 'oauth-ref-mobile' },
      { issuer, apiResource, signer },
    );
    expect(payload.aud).toBe('oauth-ref-mobile');
    expect(payload.scope).toBeUndefined();
  });
});
