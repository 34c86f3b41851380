/**
 * Where a refresh token lives between uses. On native this is the platform keystore
 * (expo-secure-store: iOS Keychain / Android Keystore); in a browser, memory. Never AsyncStorage,
 * localStorage or a log.
 */
export interface SecretStore {
  /** A short, honest description shown on screen (e.g. "iOS Keychain via expo-secure-store"). */
  readonly description: string;
  get(): Promise<string | null>;
  set(value: string): Promise<void>;
  delete(): Promise<void>;
}

/**
 * A store that keeps the value in this JavaScript context's memory only: gone on reload.
 *
 * @example
 * const store = createMemorySecretStore('memory of this tab');
 * await store.set('rt-1'); await store.get(); // 'rt-1'
 */
export function createMemorySecretStore(description = 'memory only'): SecretStore {
  let value: string | null = null;
  return {
    description,
    get: async () => value,
    set: async (next) => {
      value = next;
    },
    delete: async () => {
      value = null;
    },
  };
}
