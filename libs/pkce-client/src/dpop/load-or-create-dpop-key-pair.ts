/**
 * RFC 9449 §2: the same key must sign every proof of a grant (the provider binds the refresh token
 * to its thumbprint, the access token carries `cnf.jkt`), so the pair is created once per install
 * and reused after reloads and restarts.
 */
import type * as oauth from 'oauth4webapi';
import type { DpopKeyStore } from './dpop-key-store.js';
import { generateDpopKeyPair } from './generate-dpop-key-pair.js';

/**
 * Returns the stored key pair, or generates, stores and returns a new one.
 *
 * @example
 * const { keyPair, created } = await loadOrCreateDpopKeyPair(createIndexedDbDpopKeyStore(indexedDB));
 * const dpop = oauth.DPoP(client, keyPair);
 */
export async function loadOrCreateDpopKeyPair(
  store: DpopKeyStore,
  generate: () => Promise<oauth.CryptoKeyPair> = generateDpopKeyPair,
): Promise<{ keyPair: oauth.CryptoKeyPair; created: boolean }> {
  const existing = await store.load();
  if (existing) return { keyPair: existing, created: false };
  const keyPair = await generate();
  await store.save(keyPair);
  return { keyPair, created: true };
}
