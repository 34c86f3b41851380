/**
 * The web build's DPoP key home: IndexedDB, which stores CryptoKey objects by structured clone —
 * the key object itself, not its bytes. A non-extractable private key stays non-extractable there:
 * script on this origin can ask it to sign while the page is open, but nothing can read it out, so
 * a token copied from this browser cannot be used anywhere else.
 */
import type * as oauth from 'oauth4webapi';
import type { DpopKeyStore } from './dpop-key-store.js';

// The slice of the IndexedDB API used here (this lib compiles without the DOM typings).
interface IdbRequest<T> {
  readonly result: T;
  readonly error: unknown;
  onsuccess: ((event: never) => unknown) | null;
  onerror: ((event: never) => unknown) | null;
}
interface IdbOpenRequest extends IdbRequest<IdbDatabase> {
  onupgradeneeded: ((event: never) => unknown) | null;
}
interface IdbObjectStore {
  get(key: string): IdbRequest<unknown>;
  put(value: unknown, key: string): IdbRequest<unknown>;
}
interface IdbDatabase {
  createObjectStore(name: string): unknown;
  transaction(
    store: string,
    mode: 'readonly' | 'readwrite',
  ): {
    objectStore(name: string): IdbObjectStore;
  };
  close(): void;
}
/** What the store needs of `window.indexedDB`. */
export interface IdbFactory {
  open(name: string, version: number): IdbOpenRequest;
}

const DATABASE = 'oauth-ref-dpop';
const STORE = 'keys';
const KEY = 'dpop-key-pair';

function request<T>(operation: IdbRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error);
  });
}

function open(factory: IdbFactory): Promise<IdbDatabase> {
  const opening = factory.open(DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  return request(opening);
}

async function inStore<T>(
  factory: IdbFactory,
  mode: 'readonly' | 'readwrite',
  operation: (store: IdbObjectStore) => IdbRequest<T>,
): Promise<T> {
  const database = await open(factory);
  try {
    return await request(operation(database.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    database.close();
  }
}

/**
 * A {@link DpopKeyStore} over IndexedDB.
 *
 * @example
 * const store = createIndexedDbDpopKeyStore(window.indexedDB);
 * const { keyPair } = await loadOrCreateDpopKeyPair(store);
 */
export function createIndexedDbDpopKeyStore(factory: IdbFactory): DpopKeyStore {
  return {
    description:
      'IndexedDB of this origin, as a non-extractable Web Crypto key: it can sign, but its private bytes can never be read out',
    load: async () =>
      ((await inStore(factory, 'readonly', (store) => store.get(KEY))) as
        oauth.CryptoKeyPair | undefined) ?? undefined,
    save: async (keyPair) => {
      await inStore(factory, 'readwrite', (store) => store.put(keyPair, KEY));
    },
  };
}
