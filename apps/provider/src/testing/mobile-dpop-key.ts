/**
 * The mobile client's DPoP key in the integration tests. `oauth-ref-mobile` is registered with
 * `dpop_bound_access_tokens` (RFC 9449 §5.2), so every token request it makes carries a proof from
 * the key it holds — as the real app does. One key per test process: the refresh tokens it gets
 * are bound to this key, so refreshes must use it too.
 */
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

interface MobileKey {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

let key: Promise<MobileKey> | undefined;

function mobileKey(): Promise<MobileKey> {
  key ??= generateKeyPair('ES256').then(async ({ privateKey, publicKey }) => ({
    privateKey,
    publicKey,
    publicJwk: await exportJWK(publicKey),
  }));
  return key;
}

/**
 * The key pair itself, for a client library that builds its own proofs (oauth4webapi's `DPoP()`).
 *
 * @example
 * const DPoP = oauth.DPoP(client, await mobileDpopKeyPair());
 */
export async function mobileDpopKeyPair(): Promise<{
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}> {
  const { privateKey, publicKey } = await mobileKey();
  return { privateKey, publicKey };
}

/**
 * A fresh DPoP proof (RFC 9449 §4.2) from the mobile client's test key for `method url`; with an
 * access token, the proof carries its hash (`ath`) for a protected resource request (§7).
 *
 * @example
 * headers.dpop = await mobileDpopProof('POST', `${issuer}/token`);
 */
export async function mobileDpopProof(
  method: string,
  url: string,
  accessToken?: string,
): Promise<string> {
  const { privateKey, publicJwk } = await mobileKey();
  const htu = new URL(url);
  htu.search = '';
  htu.hash = '';
  const ath = accessToken
    ? { ath: createHash('sha256').update(accessToken).digest('base64url') }
    : {};
  return new SignJWT({ htm: method, htu: htu.href, jti: randomUUID(), ...ath })
    .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: publicJwk })
    .setIssuedAt()
    .sign(privateKey);
}
