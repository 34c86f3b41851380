/**
 * RFC 9449 §2: the DPoP key pair is the client's, one per install. Where it lives decides what a
 * thief needs: the private key must not be readable by script (web: a non-extractable CryptoKey in
 * IndexedDB; native: the platform keystore). A store only keeps and returns the pair.
 */
import type * as oauth from 'oauth4webapi';

/** Keeps one DPoP key pair for this install. */
export interface DpopKeyStore {
  /** One sentence for the flow log: where the key lives and whether it can be read out. */
  readonly description: string;
  load(): Promise<oauth.CryptoKeyPair | undefined>;
  save(keyPair: oauth.CryptoKeyPair): Promise<void>;
}
