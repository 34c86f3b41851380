/**
 * Mints tokens for testing resource servers: valid RFC 9068 access tokens with chosen claims, and
 * deliberately broken ones, each breaking exactly one rule a resource server must enforce.
 *
 * | variant           | what is wrong                                                        |
 * | valid             | nothing: typ at+jwt, RS256, current key, iss/aud/exp right          |
 * | expired           | exp an hour ago (beyond any sane leeway)                             |
 * | not_yet_valid     | iat and nbf an hour in the future                                    |
 * | wrong_aud         | aud is another resource                                              |
 * | wrong_iss         | iss is another issuer (same keys: only the iss check catches it)     |
 * | unknown_kid       | signed by a key that is not in the JWKS, with a kid it does not know |
 * | alg_none          | unsecured JWT (`alg: none`, empty signature), RFC 8725 §2.1          |
 * | hs256_public_key  | HS256 with the RSA public key (PEM) as HMAC secret: key confusion    |
 * | id_token          | a real ID token (typ JWT, aud = client_id) instead of an access token |
 * | wrong_typ         | a valid access token but `typ: JWT` instead of `at+jwt` (RFC 9068 §4) |
 */
import { randomUUID } from 'node:crypto';
import {
  base64url,
  exportSPKI,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export const TOKEN_VARIANTS = [
  'valid',
  'expired',
  'not_yet_valid',
  'wrong_aud',
  'wrong_iss',
  'unknown_kid',
  'alg_none',
  'hs256_public_key',
  'id_token',
  'wrong_typ',
] as const;
export type TokenVariant = (typeof TOKEN_VARIANTS)[number];

export interface MintRequest {
  readonly variant: TokenVariant;
  readonly sub?: string;
  readonly clientId?: string;
  readonly scope?: string;
  readonly aud?: string;
  readonly expiresIn?: number;
  /** Extra or overriding claims, applied last (except where the variant must break a claim). */
  readonly claims?: Record<string, unknown>;
}

export interface MintContext {
  readonly issuer: string;
  readonly apiResource: string;
  readonly signer: JWK;
  readonly now?: number;
}

export interface MintedToken {
  readonly token: string;
  readonly header: Record<string, unknown>;
  readonly payload: JWTPayload;
}

function encodeSegment(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

export async function mintToken(request: MintRequest, context: MintContext): Promise<MintedToken> {
  const now = Math.floor((context.now ?? Date.now()) / 1000);
  const expiresIn = request.expiresIn ?? 300;
  const clientId = request.clientId ?? 'oauth-ref-web';
  const kid = context.signer.kid ?? 'unknown';
  let payload: JWTPayload = {
    iss: context.issuer,
    sub: request.sub ?? 'test-subject',
    aud: request.aud ?? context.apiResource,
    client_id: clientId,
    scope: request.scope ?? 'notes:read',
    jti: randomUUID(),
    iat: now,
    exp: now + expiresIn,
    ...request.claims,
  };
  let header: Record<string, unknown> = { alg: 'RS256', typ: 'at+jwt', kid };
  let key: CryptoKey | Uint8Array | JWK = context.signer;

  switch (request.variant) {
    case 'valid':
      break;
    case 'expired':
      payload = { ...payload, iat: now - 7200, exp: now - 3600 };
      break;
    case 'not_yet_valid':
      payload = { ...payload, iat: now + 3600, nbf: now + 3600, exp: now + 7200 };
      break;
    case 'wrong_aud':
      payload = { ...payload, aud: 'https://wrong-audience.invalid' };
      break;
    case 'wrong_iss':
      payload = { ...payload, iss: 'https://wrong-issuer.invalid' };
      break;
    case 'unknown_kid': {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      key = privateKey;
      header = { ...header, kid: `unknown-${randomUUID()}` };
      break;
    }
    case 'alg_none': {
      const noneHeader = { alg: 'none', typ: 'at+jwt', kid };
      return {
        token: `${encodeSegment(noneHeader)}.${encodeSegment(payload)}.`,
        header: noneHeader,
        payload,
      };
    }
    case 'hs256_public_key': {
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = context.signer;
      const publicKey = await importJWK({ ...publicJwk, alg: 'RS256' }, 'RS256', {
        extractable: true,
      });
      key = new TextEncoder().encode(await exportSPKI(publicKey as CryptoKey));
      header = { ...header, alg: 'HS256' };
      break;
    }
    case 'id_token': {
      const { scope: _scope, client_id: _clientId, jti: _jti, ...rest } = payload;
      payload = { ...rest, aud: clientId, azp: clientId, auth_time: now };
      header = { alg: 'RS256', typ: 'JWT', kid };
      break;
    }
    case 'wrong_typ':
      header = { ...header, typ: 'JWT' };
      break;
  }

  const signingKey = (key as JWK).kty
    ? await importJWK(key as JWK, 'RS256')
    : (key as CryptoKey | Uint8Array);
  const token = await new SignJWT(payload)
    .setProtectedHeader(header as { alg: string })
    .sign(signingKey);
  return { token, header, payload };
}
