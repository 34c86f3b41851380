/**
 * RFC 7517 / RFC 8725 §3.1: import a JWK as a public verification key, once. Symmetric (`oct`)
 * keys, encryption keys (`use: "enc"`) and unsupported key types are skipped, so an HMAC secret
 * can never be confused with a public key. Private members (`d`, ...) are never used.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';

/** A JWK as published in a JWKS. */
export interface PublicJwk {
  kty?: unknown;
  kid?: unknown;
  alg?: unknown;
  use?: unknown;
  crv?: unknown;
  n?: unknown;
  e?: unknown;
  x?: unknown;
  y?: unknown;
  [member: string]: unknown;
}

export interface ImportedKey {
  readonly kid: string | undefined;
  readonly alg: string | undefined;
  readonly key: KeyObject;
  /** Identity of the key material, so a refetch reuses the imported key. */
  readonly fingerprint: string;
}

const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  RSA: ['n', 'e'],
  EC: ['crv', 'x', 'y'],
  OKP: ['crv', 'x'],
};

/**
 * The identity of a JWK's public material, or undefined when the JWK is not a usable signing key.
 *
 * @example
 * jwkFingerprint({ kty: 'RSA', n: '...', e: 'AQAB' }); // 'RSA|...|AQAB'
 */
export function jwkFingerprint(jwk: PublicJwk): string | undefined {
  if (typeof jwk.kty !== 'string') return undefined;
  const members = PUBLIC_MEMBERS[jwk.kty];
  if (members === undefined) return undefined;
  if (jwk.use !== undefined && jwk.use !== 'sig') return undefined;
  const values = members.map((member) => jwk[member]);
  if (!values.every((value) => typeof value === 'string' && value.length > 0)) return undefined;
  return [jwk.kty, ...(values as string[])].join('|');
}

/**
 * Imports the public part of a JWK as a Node `KeyObject`; undefined when it is not a signing key.
 *
 * @example
 * const imported = importPublicKey({ kty: 'EC', crv: 'P-256', x: '...', y: '...', kid: 'k1' });
 * imported?.key.asymmetricKeyType; // 'ec'
 */
export function importPublicKey(jwk: PublicJwk): ImportedKey | undefined {
  const fingerprint = jwkFingerprint(jwk);
  if (fingerprint === undefined) return undefined;
  const kty = jwk.kty as string;
  const publicOnly: Record<string, unknown> = { kty };
  for (const member of PUBLIC_MEMBERS[kty] ?? []) publicOnly[member] = jwk[member];
  try {
    const key = createPublicKey({ key: publicOnly as never, format: 'jwk' });
    return {
      kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
      alg: typeof jwk.alg === 'string' ? jwk.alg : undefined,
      key,
      fingerprint,
    };
  } catch {
    return undefined;
  }
}

const CURVE_FOR_ALGORITHM: Record<string, string> = {
  ES256: 'prime256v1',
  ES384: 'secp384r1',
  ES512: 'secp521r1',
};

/**
 * True when the key can verify `alg` (RFC 8725 §3.1: the algorithm decides the key type, never
 * the other way round).
 *
 * @example
 * keyFitsAlgorithm(imported, 'ES256'); // true for a P-256 key
 */
export function keyFitsAlgorithm(imported: ImportedKey, alg: string): boolean {
  if (imported.alg !== undefined && imported.alg !== alg) return false;
  const { key } = imported;
  if (alg.startsWith('RS') || alg.startsWith('PS')) {
    return (
      key.asymmetricKeyType === 'rsa' ||
      (alg.startsWith('PS') && key.asymmetricKeyType === 'rsa-pss')
    );
  }
  if (alg.startsWith('ES')) {
    return (
      key.asymmetricKeyType === 'ec' &&
      key.asymmetricKeyDetails?.namedCurve === CURVE_FOR_ALGORITHM[alg]
    );
  }
  if (alg === 'EdDSA')
    return key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448';
  return false;
}
