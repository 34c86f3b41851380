/**
 * Native home of the DPoP key: the private scalar in expo-secure-store — the iOS Keychain, or on
 * Android a value encrypted by a key in the Android Keystore — readable only by this app, only
 * while the device is unlocked, never backed up to another device. It is read into memory to sign
 * (see native-dpop-crypto.ts); a hardware-bound key (Secure Enclave / StrongBox) would need a
 * native module that Expo does not ship.
 */
import type { DpopKeyStore } from '@oauth-ref/pkce-client';
import * as SecureStore from 'expo-secure-store';
import { nativeKeySecret, nativeP256KeyPair } from './native-dpop-crypto.js';

const KEY = 'oauth-ref.mobile.dpop-key';
const OPTIONS: SecureStore.SecureStoreOptions = {
  keychainAccessible: SecureStore.WHEN_UNLOCKED_THIS_DEVICE_ONLY,
};

const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) =>
  Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

/**
 * The DPoP key store backed by expo-secure-store.
 *
 * @example
 * const { keyPair } = await loadOrCreateDpopKeyPair(createSecureStoreDpopKeyStore(), async () => nativeP256KeyPair() as never);
 */
export function createSecureStoreDpopKeyStore(): DpopKeyStore {
  return {
    description:
      'the platform secure storage (iOS Keychain / Android Keystore-encrypted), this device only, while unlocked; read into app memory only to sign (not hardware-bound)',
    async load() {
      const stored = await SecureStore.getItemAsync(KEY, OPTIONS);
      return stored ? (nativeP256KeyPair(fromHex(stored)) as unknown as CryptoKeyPair) : undefined;
    },
    async save(keyPair) {
      const secret = nativeKeySecret(keyPair.privateKey);
      if (!secret) throw new TypeError('not a native DPoP key pair');
      await SecureStore.setItemAsync(KEY, toHex(secret), OPTIONS);
    },
  };
}
