/**
 * oauth4webapi uses the standard Web Crypto API (`crypto.getRandomValues` for the verifier, state
 * and nonce; `crypto.subtle.digest('SHA-256')` for the S256 challenge). Browsers have it. On iOS and
 * Android (Hermes) it may be missing, so the same two functions are provided by expo-crypto, which
 * calls the platform's native CSPRNG and SHA-256. No cryptography is implemented here.
 */
import * as ExpoCrypto from 'expo-crypto';

/**
 * Installs the two Web Crypto functions oauth4webapi needs, if the runtime lacks them.
 *
 * @example
 * installNativeCrypto(); // before the first createAuthorizationAttempt()
 */
export function installNativeCrypto(): void {
  const existing = globalThis.crypto as Partial<Crypto> | undefined;
  if (existing?.getRandomValues && existing.subtle?.digest) return;
  const subtle = {
    ...(existing?.subtle ?? {}),
    digest: (algorithm: AlgorithmIdentifier, data: BufferSource) => {
      const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
      if (name.toUpperCase() !== 'SHA-256') {
        return Promise.reject(new Error(`digest ${name} is not provided on this platform`));
      }
      return ExpoCrypto.digest(ExpoCrypto.CryptoDigestAlgorithm.SHA256, data);
    },
  };
  Object.defineProperty(globalThis, 'crypto', {
    configurable: true,
    value: {
      ...(existing ?? {}),
      getRandomValues: existing?.getRandomValues?.bind(existing) ?? ExpoCrypto.getRandomValues,
      subtle,
    },
  });
}
