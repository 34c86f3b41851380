// A thief's DPoP key for the specs: an ES256 key pair made with node:crypto, and proofs (RFC 9449
// §4.2) signed with it — valid in every respect except that the key is not the app's.
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';

export interface TestDpopKey {
  readonly jwk: { kty: string; crv: string; x: string; y: string };
  /** RFC 7638 SHA-256 thumbprint. */
  readonly thumbprint: string;
  proof(options: { method: string; url: string; accessToken?: string }): string;
}

const b64u = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Generates a key and returns it with a proof signer. */
export function createTestDpopKey(): TestDpopKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  const jwk = { kty: kty ?? '', crv: crv ?? '', x: x ?? '', y: y ?? '' };
  const thumbprint = b64u(
    createHash('sha256')
      .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
      .digest(),
  );
  return {
    jwk,
    thumbprint,
    proof({ method, url, accessToken }) {
      const header = b64u(JSON.stringify({ typ: 'dpop+jwt', alg: 'ES256', jwk }));
      const claims = b64u(
        JSON.stringify({
          htm: method,
          htu: url,
          iat: Math.floor(Date.now() / 1000),
          jti: randomUUID(),
          ...(accessToken ? { ath: b64u(createHash('sha256').update(accessToken).digest()) } : {}),
        }),
      );
      const signature = sign('sha256', Buffer.from(`${header}.${claims}`), {
        key: privateKey,
        dsaEncoding: 'ieee-p1363',
      });
      return `${header}.${claims}.${b64u(signature)}`;
    },
  };
}
