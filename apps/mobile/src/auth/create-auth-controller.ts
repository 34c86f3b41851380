/** The composition root: picks the platform ports and builds the one AuthController. */
import { createIndexedDbDpopKeyStore, createMemorySecretStore } from '@oauth-ref/pkce-client';
import { Platform } from 'react-native';
import { appConfig } from '../config/app-config.js';
import { installNativeCrypto } from '../platform/install-native-crypto.js';
import { installNativeDpopCrypto, nativeP256KeyPair } from '../platform/native-dpop-crypto.js';
import { createNativeUserAgent } from '../platform/native-user-agent.js';
import {
  createMemoryPendingAttemptStore,
  createSessionStoragePendingAttemptStore,
} from '../platform/pending-attempt-store.js';
import { createSecureRefreshTokenStore } from '../platform/secure-refresh-token-store.js';
import { createSessionStorageSessionMarker } from '../platform/session-marker.js';
import { createSecureStoreDpopKeyStore } from '../platform/secure-store-dpop-key-store.js';
import { createWebUserAgent } from '../platform/web-user-agent.js';
import { AuthController } from './auth-controller.js';

/** Builds the controller for the platform the bundle runs on. */
export function createAuthController(): {
  controller: AuthController;
  callbackUrl: URL | undefined;
} {
  if (Platform.OS === 'web') {
    const url = new URL(window.location.href);
    const controller = new AuthController(appConfig, {
      refreshTokenStore: createMemorySecretStore(appConfig.refreshTokenHome),
      pendingAttempts: createSessionStoragePendingAttemptStore(window.sessionStorage),
      userAgent: createWebUserAgent(window),
      dpopKeyStore: createIndexedDbDpopKeyStore(window.indexedDB),
      sessionMarker: createSessionStorageSessionMarker(window.sessionStorage),
    });
    return { controller, callbackUrl: url.pathname === '/callback' ? url : undefined };
  }
  installNativeCrypto();
  installNativeDpopCrypto();
  const controller = new AuthController(appConfig, {
    refreshTokenStore: createSecureRefreshTokenStore(appConfig.refreshTokenHome),
    pendingAttempts: createMemoryPendingAttemptStore(),
    userAgent: createNativeUserAgent(),
    dpopKeyStore: createSecureStoreDpopKeyStore(),
    generateDpopKey: async () => nativeP256KeyPair() as unknown as CryptoKeyPair,
  });
  return { controller, callbackUrl: undefined };
}
