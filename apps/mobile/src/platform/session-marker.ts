/**
 * "This tab was signed in": a flag with no secret in it, so that a reload can say why it signed
 * the tab out. Tokens are kept in memory only (on purpose: a script injected into the page cannot
 * read them from storage after the fact, and closing the tab forgets them); a reload therefore
 * forgets them too. The flag lets the next page tell a deliberate consequence from a bug.
 * - web: sessionStorage of this tab (cleared when the tab closes), value "1";
 * - native: nothing (the refresh token lives in the secure store; there is no reload).
 */

export interface SessionMarker {
  /** Called when the session starts. */
  mark(): void;
  /** Called when the session ends on purpose (sign-out, refused refresh). */
  clear(): void;
  /** Whether the previous page of this tab was signed in; forgets it (read once). */
  takeMark(): boolean;
}

const KEY = 'oauth-ref.mobile.signed-in-in-this-tab';

/**
 * @example
 * const marker = createSessionStorageSessionMarker(window.sessionStorage);
 */
export function createSessionStorageSessionMarker(storage: Storage): SessionMarker {
  return {
    mark: () => storage.setItem(KEY, '1'),
    clear: () => storage.removeItem(KEY),
    takeMark: () => {
      const marked = storage.getItem(KEY) === '1';
      storage.removeItem(KEY);
      return marked;
    },
  };
}

/** The native marker: a session never disappears under the user by a reload there. */
export const noSessionMarker: SessionMarker = Object.freeze({
  mark: () => undefined,
  clear: () => undefined,
  takeMark: () => false,
});
