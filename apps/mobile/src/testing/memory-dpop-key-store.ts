import type { DpopKeyStore } from '@oauth-ref/pkce-client';

/** Test helper: a DPoP key store in memory (one per simulated install). */
export function memoryDpopKeyStore(): DpopKeyStore & { saved: number } {
  let keyPair: CryptoKeyPair | undefined;
  const store = {
    description: 'test memory',
    saved: 0,
    load: async () => keyPair,
    save: async (pair: CryptoKeyPair) => {
      keyPair = pair;
      store.saved += 1;
    },
  };
  return store;
}
