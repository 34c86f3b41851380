/**
 * Native home of the refresh token: expo-secure-store, i.e. the iOS Keychain / Android Keystore,
 * readable only by this app, only while the device is unlocked, never backed up to another device.
 * (Never AsyncStorage: it is plain, unencrypted storage.)
 */
import type { SecretStore } from '@oauth-ref/pkce-client';
import * as SecureStore from 'expo-secure-store';

const KEY = 'oauth-ref.mobile.refresh-token';
const OPTIONS: SecureStore.SecureStoreOptions = {
  keychainAccessible: SecureStore.WHEN_UNLOCKED_THIS_DEVICE_ONLY,
};

/**
 * The refresh-token store backed by expo-secure-store.
 *
 * @example
 * const store = createSecureRefreshTokenStore(); await store.set(refreshToken);
 */
export function createSecureRefreshTokenStore(description: string): SecretStore {
  return {
    description,
    get: () => SecureStore.getItemAsync(KEY, OPTIONS),
    set: (value) => SecureStore.setItemAsync(KEY, value, OPTIONS),
    delete: () => SecureStore.deleteItemAsync(KEY, OPTIONS),
  };
}
