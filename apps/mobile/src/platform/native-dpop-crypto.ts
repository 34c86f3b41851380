/**
 * DPoP signing where Web Crypto is missing (Hermes on iOS/Android has `getRandomValues` through
 * expo-crypto, but no `crypto.subtle.generateKey/sign/exportKey`). oauth4webapi's DPoP handle
 * speaks Web Crypto, so this module gives it exactly the slice it uses — a CryptoKey-shaped ES256
 * key, `subtle.sign` (ECDSA P-256 / SHA-256, IEEE P1363 r‖s as JWS wants) and
 * `subtle.exportKey('jwk')` of the public key — backed by @noble/curves, an audited pure-JS
 * implementation. No cryptography is implemented here: this is an adapter.
 *
 * The private scalar lives in a module-private WeakMap, never on the key object, and
 * `exportKey` refuses private keys, as a non-extractable Web Crypto key would.
 */
import { p256 } from '@noble/curves/nist.js';

const ALGORITHM = Object.freeze({ name: 'ECDSA', namedCurve: 'P-256' });
const secrets = new WeakMap<object, Uint8Array>();
const publics = new WeakMap<object, Uint8Array>();

/** A CryptoKey-shaped ES256 key whose operations are done by @noble/curves. */
export class NativeP256Key {
  readonly algorithm = ALGORITHM;
  readonly extractable: boolean;
  readonly usages: readonly ('sign' | 'verify')[];
  readonly [Symbol.toStringTag] = 'CryptoKey';

  constructor(readonly type: 'private' | 'public') {
    this.extractable = type === 'public';
    this.usages = Object.freeze(type === 'private' ? ['sign'] : ['verify']);
    Object.freeze(this);
  }
}

const b64u = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The private scalar of a native key pair, for its secure-storage home only. */
export function nativeKeySecret(key: object): Uint8Array | undefined {
  return secrets.get(key);
}

/**
 * Builds the key pair for a 32-byte P-256 private scalar (a stored one, or a fresh one).
 *
 * @example
 * const pair = nativeP256KeyPair(p256.utils.randomSecretKey());
 */
export function nativeP256KeyPair(secret: Uint8Array = p256.utils.randomSecretKey()): {
  privateKey: NativeP256Key;
  publicKey: NativeP256Key;
} {
  const privateKey = new NativeP256Key('private');
  const publicKey = new NativeP256Key('public');
  secrets.set(privateKey, secret);
  publics.set(publicKey, p256.getPublicKey(secret, false));
  return { privateKey, publicKey };
}

type SubtleSlice = Pick<SubtleCrypto, 'digest'> & Partial<Pick<SubtleCrypto, 'sign' | 'exportKey'>>;

/**
 * Adds ES256 `sign` and public `exportKey('jwk')` for {@link NativeP256Key}s to a crypto object
 * that lacks them, and makes `CryptoKey` name the key class if the runtime has none (oauth4webapi
 * checks `instanceof CryptoKey`). Where Web Crypto is complete (browsers) nothing changes.
 *
 * @example
 * installNativeCrypto(); installNativeDpopCrypto(); // then oauth.DPoP(client, nativeP256KeyPair())
 */
export function installNativeDpopCrypto(target: typeof globalThis = globalThis): void {
  const cryptoObject = target.crypto as unknown as { subtle: SubtleSlice };
  const subtle = cryptoObject.subtle;
  if (subtle.sign && subtle.exportKey && typeof target.CryptoKey === 'function') return;
  if (typeof target.CryptoKey !== 'function') {
    Object.defineProperty(target, 'CryptoKey', { configurable: true, value: NativeP256Key });
  }
  const sign = async (_algorithm: unknown, key: object, data: BufferSource) => {
    const secret = secrets.get(key);
    if (!secret) throw new TypeError('this runtime signs only with its native DPoP key');
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
    // prehash: SHA-256 of the signing input; the compact (r‖s) form is the JWS ES256 encoding
    return p256.sign(bytes, secret, { prehash: true, lowS: false }).slice().buffer;
  };
  const exportKey = async (format: string, key: object) => {
    const point = publics.get(key);
    if (format !== 'jwk' || !point) {
      throw new TypeError('only the public DPoP key can be exported, and only as a JWK');
    }
    return {
      kty: 'EC',
      crv: 'P-256',
      x: b64u(point.slice(1, 33)),
      y: b64u(point.slice(33, 65)),
      ext: true,
      key_ops: ['verify'],
    };
  };
  cryptoObject.subtle = { ...subtle, sign, exportKey } as unknown as SubtleSlice;
}
