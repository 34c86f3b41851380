/**
 * RFC 9449 §4.2 / RFC 7518 §3.4: an ES256 (ECDSA P-256, SHA-256) key pair made by Web Crypto with
 * `extractable: false`, so the private key can sign but its bytes can never be exported — not by
 * this app, not by an injected script. (The public half is always exportable: it goes into every
 * proof's `jwk` header.)
 */
import type * as oauth from 'oauth4webapi';

/** The Web Crypto parameters of a DPoP key. */
export const DPOP_KEY_ALGORITHM = Object.freeze({ name: 'ECDSA', namedCurve: 'P-256' });

/**
 * Generates a fresh, non-extractable ES256 key pair.
 *
 * @example
 * const keyPair = await generateDpopKeyPair();
 * keyPair.privateKey.extractable; // false
 */
export async function generateDpopKeyPair(): Promise<oauth.CryptoKeyPair> {
  return (await crypto.subtle.generateKey({ ...DPOP_KEY_ALGORITHM }, false, [
    'sign',
    'verify',
  ])) as oauth.CryptoKeyPair;
}
