/**
 * Where the pending authorization attempt waits for its callback.
 * - web: the authorization request is a full-page navigation, which destroys this JavaScript
 *   context, so the attempt (verifier, state, nonce) goes to sessionStorage: this tab only, cleared
 *   when the tab closes, read back exactly once at /callback and deleted at that moment.
 * - native: the system browser session returns to the same running app, so memory is enough.
 */

/** A single-use slot for one serialised pending attempt. */
export interface PendingAttemptStore {
  readonly description: string;
  save(serialised: string): void;
  /** Returns the stored attempt and deletes it (single use), or null. */
  take(): string | null;
}

const KEY = 'oauth-ref.mobile.pending-attempt';

/**
 * sessionStorage-backed store for the web build.
 *
 * @example
 * const store = createSessionStoragePendingAttemptStore(window.sessionStorage);
 */
export function createSessionStoragePendingAttemptStore(storage: Storage): PendingAttemptStore {
  return {
    description:
      'sessionStorage of this tab (survives the full-page redirect to the provider; deleted when the callback reads it)',
    save: (serialised) => storage.setItem(KEY, serialised),
    take: () => {
      const value = storage.getItem(KEY);
      storage.removeItem(KEY);
      return value;
    },
  };
}

/**
 * Memory-backed store for native (the app keeps running while the browser session is open).
 *
 * @example
 * const store = createMemoryPendingAttemptStore();
 */
export function createMemoryPendingAttemptStore(): PendingAttemptStore {
  let value: string | null = null;
  return {
    description: 'memory (the app keeps running while the system browser session is open)',
    save: (serialised) => {
      value = serialised;
    },
    take: () => {
      const taken = value;
      value = null;
      return taken;
    },
  };
}
