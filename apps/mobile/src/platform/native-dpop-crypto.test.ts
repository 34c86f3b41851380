import { createHash, webcrypto } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  installNativeDpopCrypto,
  nativeKeySecret,
  nativeP256KeyPair,
} from './native-dpop-crypto.js';

const realSubtle = webcrypto.subtle;

/** A Hermes-like runtime: getRandomValues and digest (expo-crypto), no sign/exportKey/CryptoKey. */
function hermesLikeGlobal() {
  const target = {
    crypto: {
      getRandomValues: webcrypto.getRandomValues.bind(webcrypto),
      subtle: { digest: realSubtle.digest.bind(realSubtle) },
    },
  } as unknown as typeof globalThis;
  installNativeDpopCrypto(target);
  return target;
}

afterEach(() => vi.unstubAllGlobals());

describe('native DPoP crypto (Hermes: no Web Crypto sign)', () => {
  it('lets oauth4webapi sign an ES256 proof that Web Crypto verifies, with the public jwk only', async () => {
    const target = hermesLikeGlobal();
    vi.stubGlobal('crypto', target.crypto);
    vi.stubGlobal('CryptoKey', target.CryptoKey);
    const keyPair = nativeP256KeyPair() as unknown as oauth.CryptoKeyPair;
    const dpop = oauth.DPoP({}, keyPair);
    const headers = new Headers();
    const send = vi.fn(async (_url: string, init: RequestInit) => {
      new Headers(init.headers).forEach((value, name) => headers.set(name, value));
      return new Response('{}', { status: 200 });
    });
    await oauth.protectedResourceRequest(
      'at-native',
      'GET',
      new URL('http://localhost:3333/me?x=1'),
      new Headers(),
      null,
      { DPoP: dpop, [oauth.allowInsecureRequests]: true, [oauth.customFetch]: send as never },
    );
    vi.unstubAllGlobals();
    expect(headers.get('authorization')).toBe('DPoP at-native');
    const [h, p, sig] = (headers.get('dpop') ?? '').split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    expect(header).toMatchObject({
      typ: 'dpop+jwt',
      alg: 'ES256',
      jwk: { kty: 'EC', crv: 'P-256' },
    });
    expect(Object.keys(header.jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(claims).toMatchObject({ htm: 'GET', htu: 'http://localhost:3333/me' });
    expect(claims.ath).toBe(createHash('sha256').update('at-native').digest('base64url'));
    const publicKey = await realSubtle.importKey(
      'jwk',
      header.jwk,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    const valid = await realSubtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      publicKey,
      Buffer.from(sig, 'base64url'),
      new TextEncoder().encode(`${h}.${p}`),
    );
    expect(valid).toBe(true);
  });

  it('never exports the private key, and the same secret gives the same public key', async () => {
    const target = hermesLikeGlobal();
    const pair = nativeP256KeyPair();
    const subtle = target.crypto.subtle;
    await expect(subtle.exportKey('jwk', pair.privateKey as never)).rejects.toThrow(
      /only the public/,
    );
    await expect(
      subtle.sign('ECDSA', pair.publicKey as never, new Uint8Array(1)),
    ).rejects.toThrow();
    expect(pair.privateKey.extractable).toBe(false);
    expect(Object.values(pair.privateKey)).not.toContainEqual(nativeKeySecret(pair.privateKey));
    const again = nativeP256KeyPair(nativeKeySecret(pair.privateKey));
    expect(await subtle.exportKey('jwk', again.publicKey as never)).toEqual(
      await subtle.exportKey('jwk', pair.publicKey as never),
    );
  });

  it('leaves a complete Web Crypto (browsers) alone', () => {
    const target = {
      crypto: webcrypto,
      CryptoKey: globalThis.CryptoKey,
    } as unknown as typeof globalThis;
    const before = target.crypto.subtle;
    installNativeDpopCrypto(target);
    expect(target.crypto.subtle).toBe(before);
  });
});
