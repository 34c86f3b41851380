/**
 * Test helper: a DPoP key pair and proofs (RFC 9449 §4.2) with every member overridable, so
 * each check of the resource server can be shown refusing exactly one broken proof.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';

export interface DpopKey {
  readonly alg: 'ES256' | 'RS256' | 'EdDSA';
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  /** RFC 7638 SHA-256 thumbprint: the token's `cnf.jkt`. */
  readonly thumbprint: string;
  /** The private key as a JWK (to build a proof that leaks it). */
  readonly privateJwk: JWK;
}

/**
 * Generates a DPoP key pair (extractable, for tests).
 *
 * @example
 * const key = await createDpopKey(); // key.thumbprint goes in the token's cnf.jkt
 */
export async function createDpopKey(alg: DpopKey['alg'] = 'ES256'): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  return {
    alg,
    privateKey,
    publicJwk,
    privateJwk: await exportJWK(privateKey),
    thumbprint: await calculateJwkThumbprint(publicJwk, 'sha256'),
  };
}

export interface DpopProofOptions {
  readonly method: string;
  readonly url: string;
  /** The access token; `ath` is its hash. Omit for a token request proof. */
  readonly accessToken?: string;
  /** Header members merged over `{ typ: 'dpop+jwt', alg, jwk }`. */
  readonly header?: Record<string, unknown>;
  /** Claims merged over `{ htm, htu, iat, jti, ath }`; `undefined` removes one. */
  readonly claims?: Record<string, unknown>;
}

/**
 * Signs a DPoP proof with `key`.
 *
 * @example
 * const proof = await createDpopProof(key, { method: 'GET', url: 'http://localhost:3333/notes', accessToken });
 */
export async function createDpopProof(key: DpopKey, options: DpopProofOptions): Promise<string> {
  const claims: Record<string, unknown> = {
    htm: options.method,
    htu: options.url,
    iat: Math.floor(Date.now() / 1000),
    jti: randomUUID(),
    ...(options.accessToken !== undefined
      ? { ath: createHash('sha256').update(options.accessToken).digest('base64url') }
      : {}),
    ...options.claims,
  };
  for (const name of Object.keys(claims)) if (claims[name] === undefined) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({
      typ: 'dpop+jwt',
      alg: key.alg,
      jwk: key.publicJwk,
      ...options.header,
    } as never)
    .sign(key.privateKey);
}
