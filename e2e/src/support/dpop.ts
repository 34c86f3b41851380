// A DPoP key pair and proofs (RFC 9449 §4.2) for the e2e tests, as a client would make them.
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
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly thumbprint: string;
}

/** A fresh ES256 key pair. */
export async function createDpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk = await exportJWK(publicKey);
  return { privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk, 'sha256') };
}

/** A proof for one request (`ath` when an access token is given). */
export function createDpopProof(
  key: DpopKey,
  request: { method: string; url: string; accessToken?: string },
): Promise<string> {
  return new SignJWT({
    htm: request.method,
    htu: request.url,
    jti: randomUUID(),
    ...(request.accessToken !== undefined
      ? { ath: createHash('sha256').update(request.accessToken).digest('base64url') }
      : {}),
  })
    .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk })
    .setIssuedAt()
    .sign(key.privateKey);
}
